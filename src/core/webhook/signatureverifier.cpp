#include "webhook/signatureverifier.h"

#include <QMessageAuthenticationCode>

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
    m_secrets.removeIf([](const QByteArray &s) { return s.isEmpty(); });
}

Status SignatureVerifier::verify(const QByteArray &body, const QByteArray &headerValue) const
{
    if (m_secrets.isEmpty())
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
    bool match = false;
    for (const QByteArray &secret : m_secrets) {
        const QByteArray expected =
            QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256);
        match = constantTimeEquals(expected, given) || match; // no early exit between secrets
    }
    if (!match)
        return fail(Error::Kind::Auth, QStringLiteral("signature does not match"));
    return {};
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
