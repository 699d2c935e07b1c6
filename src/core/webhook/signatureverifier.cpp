#include "webhook/signatureverifier.h"

#include <QMessageAuthenticationCode>

#include <algorithm>

namespace inlet {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

SignatureVerifier::SignatureVerifier(QList<QByteArray> secrets) : m_secrets(std::move(secrets))
{
}

Status SignatureVerifier::verify(const QByteArray &body, const QByteArray &headerValue) const
{
    if (auto matched = matchingSecret(body, headerValue); !matched)
        return std::unexpected(matched.error());
    return {};
}

Result<int> SignatureVerifier::matchingSecret(
    const QByteArray &body, const QByteArray &headerValue) const
{
    const bool anySecret = std::any_of(
        m_secrets.begin(), m_secrets.end(), [](const QByteArray &s) { return !s.isEmpty(); });
    if (!anySecret)
        return fail(Error::Kind::Invalid, QStringLiteral("no app secret configured"));
    if (headerValue.isEmpty())
        return fail(Error::Kind::Auth, QStringLiteral("missing X-Hub-Signature-256"));
    static const QByteArray prefix = QByteArrayLiteral("sha256=");
    if (!headerValue.startsWith(prefix))
        return fail(Error::Kind::Auth, QStringLiteral("signature is not sha256=<hex>"));
    const QByteArray hex = headerValue.mid(prefix.size());
    if (hex.size() != 64)
        return fail(Error::Kind::Auth, QStringLiteral("signature has the wrong length"));
    QByteArray given(32, Qt::Uninitialized);
    for (int i = 0; i < 32; ++i) {
        const int hi = hexValue(hex.at(2 * i));
        const int lo = hexValue(hex.at(2 * i + 1));
        if (hi < 0 || lo < 0)
            return fail(Error::Kind::Auth, QStringLiteral("signature is not hex"));
        given[i] = char((hi << 4) | lo);
    }
    // Every secret is hashed and compared, whatever matched before: no early exit between them.
    int matched = -1;
    for (int i = 0; i < int(m_secrets.size()); ++i) {
        const QByteArray &secret = m_secrets.at(i);
        if (secret.isEmpty()) // not configured: known to the caller, not to the sender
            continue;
        const QByteArray expected =
            QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256);
        const bool equal = constantTimeEquals(expected, given);
        matched = (equal && matched < 0) ? i : matched;
    }
    if (matched < 0)
        return fail(Error::Kind::Auth, QStringLiteral("signature does not match"));
    return matched;
}

QByteArray SignatureVerifier::sign(const QByteArray &body, const QByteArray &secret)
{
    return QByteArrayLiteral("sha256=")
        + QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toHex();
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false; // lengths are public (fixed for HMACs)
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

} // namespace inlet
