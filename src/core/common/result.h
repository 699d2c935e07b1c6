#pragma once

#include <QString>
#include <expected>

namespace inlet {

// What went wrong, as a value. `code`/`subcode` carry Graph API error numbers when the error came
// from Instagram (or the sandbox); `httpStatus` the HTTP status when there was one.
struct Error {
    enum class Kind {
        Network,      // no answer: connection refused, timeout, DNS, TLS
        Http,         // an HTTP error without a Graph envelope
        Graph,        // Instagram's {"error":{...}} envelope
        Auth,         // OAuth flow errors (denied, wrong state, bad code)
        Parse,        // a body we could not understand
        Storage,      // SQLite: full disk, corruption, constraint
        Keychain,     // the OS keychain
        Cancelled,
        Invalid,      // bad input from the caller
    };

    Kind kind = Kind::Invalid;
    QString message;
    int code = 0;
    int subcode = 0;
    int httpStatus = 0;

    bool operator==(const Error &) const = default; // lets Qt's meta-types carry Result<T>

    static Error make(Kind k, QString msg, int code = 0, int subcode = 0, int httpStatus = 0)
    {
        return Error{k, std::move(msg), code, subcode, httpStatus};
    }
};

template <typename T>
using Result = std::expected<T, Error>;

using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(Error::Kind k, QString msg, int code = 0, int subcode = 0,
                                   int httpStatus = 0)
{
    return std::unexpected(Error::make(k, std::move(msg), code, subcode, httpStatus));
}

} // namespace inlet
