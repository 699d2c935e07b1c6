#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>

namespace inlet {

// Checks Meta's `X-Hub-Signature-256: sha256=<hex>` header: HMAC-SHA256 of the raw body keyed
// with an app secret. Several secrets may be accepted: which of the two secrets of a Meta app with
// Instagram login signs (the Instagram App Secret or the Meta app's App Secret) is not settled in
// public sources (instagram-api.md §11), so Inlet accepts either.
class SignatureVerifier {
public:
    // Empty secrets are never matched (an optional secret that was not given) but keep their
    // index, so `matchingSecret()` answers in the caller's numbering.
    explicit SignatureVerifier(QList<QByteArray> secrets);

    // Ok when `headerValue` is "sha256=" + 64 hex digits matching one of the secrets.
    Status verify(const QByteArray &body, const QByteArray &headerValue) const;
    // The same check, answering the index of the secret that matched (the first one when several
    // do). Every secret is always computed and compared in constant time, with no early exit, so
    // the time taken does not tell which one matched.
    Result<int> matchingSecret(const QByteArray &body, const QByteArray &headerValue) const;

    // "sha256=<lowercase hex>" for a body (used by tests, the benchmark and the sandbox side).
    static QByteArray sign(const QByteArray &body, const QByteArray &secret);

private:
    QList<QByteArray> m_secrets;
};

// Constant-time equality of two byte strings of possibly different length.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace inlet
