#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>

namespace inlet {

// Checks Meta's `X-Hub-Signature-256: sha256=<hex>` header: HMAC-SHA256 of the raw body keyed
// with the app secret. Several secrets may be accepted (the Instagram app secret signs
// Instagram-Login deliveries, the Meta app secret Messenger-path ones; instagram-api.md §2.3).
class SignatureVerifier {
public:
    explicit SignatureVerifier(QList<QByteArray> secrets);

    // Ok when `headerValue` is "sha256=" + 64 hex digits matching one of the secrets.
    // The comparison takes the same time wherever the first differing byte is.
    Status verify(const QByteArray &body, const QByteArray &headerValue) const;

    // "sha256=<lowercase hex>" for a body (used by tests, the benchmark and the sandbox side).
    static QByteArray sign(const QByteArray &body, const QByteArray &secret);

private:
    QList<QByteArray> m_secrets;
};

// Constant-time equality of two byte strings of possibly different length.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace inlet
