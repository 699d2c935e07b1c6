#pragma once

#include "sandbox/httpreply.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace inlet::sandbox {

// Faults for the next Graph/OAuth calls (never for /__sandbox/ itself): an HTTP status, a Graph
// error code, added latency or a dropped connection. Configured through POST /__sandbox/faults.
class FaultInjector {
public:
    struct Decision {
        int latencyMs = 0;
        std::optional<HttpReply> reply; // an error or a drop instead of the real answer
        int redirectPort = 0; // reply is a redirect: Location = the request's URL on this port
    };

    // Parses {"count":N,"http_status":S} / {"count":N,"graph_code":C,"graph_subcode":S} /
    // {"latency_ms":M[,"count":N]} / {"drop":N} / {"count":N,"redirect_port":P[,"http_status":307]}
    // (a 3xx to the same path on port P of 127.0.0.1). Returns an error message when invalid.
    QString add(const QJsonObject &spec);
    void clear() { m_faults.clear(); }
    int pending() const;

    // Consumes one call's worth of the configured faults.
    Decision next();

private:
    enum class Kind { HttpStatus, GraphError, Latency, Drop, Redirect };
    struct Fault {
        Kind kind = Kind::HttpStatus;
        int remaining = 1; // -1: until cleared
        int httpStatus = 0;
        int graphCode = 0;
        int graphSubcode = 0;
        int latencyMs = 0;
        int redirectPort = 0;
    };
    QList<Fault> m_faults;
};

} // namespace inlet::sandbox
