#include "common/cappeddownload.h"

#include <QNetworkReply>
#include <QTimer>

#include <memory>

namespace inlet {

namespace {
constexpr qint64 kReadBufferBytes = 256 * 1024;
}

void readCapped(QNetworkReply *reply, qint64 maxBytes, int deadlineMs, QObject *context,
    std::function<void(Result<QByteArray>)> done)
{
    reply->setReadBufferSize(kReadBufferBytes);
    auto body = std::make_shared<QByteArray>();
    auto tooBig = std::make_shared<bool>(false);
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, body, tooBig, maxBytes] {
        body->append(reply->readAll());
        if (body->size() > maxBytes) {
            *tooBig = true;
            body->clear();
            reply->abort();
        }
    });
    QTimer::singleShot(deadlineMs, reply, [reply] { reply->abort(); });
    QObject::connect(reply, &QNetworkReply::finished, context,
        [reply, body, tooBig, maxBytes, done = std::move(done)] {
            reply->deleteLater();
            if (!*tooBig && reply->error() == QNetworkReply::NoError)
                body->append(reply->readAll());
            if (*tooBig || body->size() > maxBytes) {
                done(fail(
                    Error::Kind::Invalid, QStringLiteral("larger than %1 bytes").arg(maxBytes)));
                return;
            }
            if (reply->error() != QNetworkReply::NoError) {
                done(fail(Error::Kind::Network, reply->errorString()));
                return;
            }
            done(std::move(*body));
        });
}

} // namespace inlet
