#include "outbox/httpmediauploader.h"

#include "auth/tokenvault.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "common/redact.h"
#include "common/urlorigin.h"
#include "outbox/mediapolicy.h"
#include "outbox/mediarefusal.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

namespace inlet {

namespace {

// 128 random bits: the uploaded file's name, so its public URL can't be guessed.
QString randomName(const QString &suffix)
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray bytes(reinterpret_cast<const char *>(words), sizeof(words));
    QString name = QString::fromLatin1(bytes.toHex());
    if (!suffix.isEmpty()) {
        name += QLatin1Char('.') + suffix;
    }
    return name;
}

// What the host said, short: {"error":"..."} or {"message":"..."} from a JSON body, else the
// HTTP reason phrase.
QString hostMessage(QNetworkReply *reply)
{
    const QJsonObject json = QJsonDocument::fromJson(reply->read(4096)).object();
    for (const char *key : { "error", "message" }) {
        if (const QString text = json.value(QLatin1String(key)).toString(); !text.isEmpty()) {
            return text.left(200);
        }
    }
    return reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
}

// The media host's failure: the reason for the app, the host's (or the system's) own words as the
// message, which the app shows as a detail.
std::unexpected<Error> hostError(Error::Kind kind, Error::Reason why, int status, QString words)
{
    Error e = Error::because(kind, why, std::move(words), { QString::number(status) });
    e.httpStatus = status;
    return std::unexpected(e);
}

// Redirects the upload follows on its own origin (a host that moved a path); more is a loop.
constexpr int kMaxRedirects = 5;

class HttpMediaUpload : public MediaUpload {
public:
    HttpMediaUpload(QNetworkAccessManager *network, int stallTimeoutMs, QObject *parent)
        : MediaUpload(parent)
        , m_network(network)
    {
        m_stall.setSingleShot(true);
        m_stall.setInterval(stallTimeoutMs);
        connect(&m_stall, &QTimer::timeout, this, [this] {
            m_stalled = true;
            if (QNetworkReply *reply = m_reply.data()) {
                reply->abort();
            }
        });
    }

    ~HttpMediaUpload() override
    {
        if (QNetworkReply *reply = m_reply.data()) {
            reply->disconnect(this);
            reply->abort();
        }
    }

    void start(const QString &filePath, const QUrl &uploadBase, const QUrl &publicBase,
        const HttpMediaUploader::TokenProvider &token)
    {
        if (m_done) {
            return; // cancelled before it began
        }
        if (uploadBase.host().isEmpty() || publicBase.host().isEmpty()) {
            finish(std::unexpected(
                MediaRefusal::forFile(MediaRefusal::Reason::NoMediaHost, filePath).error()));
            return;
        }
        const Result<MediaInfo> info = MediaPolicy::inspect(filePath);
        if (!info) {
            finish(std::unexpected(info.error()));
            return;
        }
        m_info = *info;
        m_path = filePath;
        const QString name = randomName(info->suffix);
        m_target = HttpMediaUploader::join(uploadBase, name);
        m_publicUrl = HttpMediaUploader::join(publicBase, name).toString();
        if (!token) {
            put();
            return;
        }
        onDone(token(), this, [this](const Result<QString> &value) {
            if (m_done) {
                return;
            }
            if (!value) {
                finish(std::unexpected(value.error()));
                return;
            }
            m_token = *value;
            put();
        });
    }

    void cancel() override
    {
        if (m_done) {
            return;
        }
        m_cancelled = true;
        if (QNetworkReply *reply = m_reply.data()) {
            reply->abort(); // finished() -> done()
        } else {
            finish(fail(Error::Kind::Cancelled, Error::Reason::UploadCancelled,
                QStringLiteral("The upload was cancelled.")));
        }
    }

private:
    void put()
    {
        // Streamed: QNetworkAccessManager reads the open file in chunks as the socket drains.
        auto *file = new QFile(m_path, this);
        if (!file->open(QIODevice::ReadOnly)) {
            Error unreadable = Error::because(Error::Kind::Invalid, Error::Reason::UploadUnreadable,
                QStringLiteral("The file cannot be read."));
            unreadable.message = file->errorString();
            finish(std::unexpected(unreadable));
            return;
        }
        QNetworkRequest request(m_target);
        request.setHeader(QNetworkRequest::ContentTypeHeader, m_info.mimeType);
        request.setHeader(QNetworkRequest::ContentLengthHeader, file->size());
        if (!m_token.isEmpty()) {
            request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        }
        // Redirects are ours to judge (done()): Qt's default policy would carry the token (and
        // the customer's file) to whatever host a redirect names.
        request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        qCInfo(lcOutbox).noquote()
            << "uploading" << file->size() << "bytes to" << redactUrl(m_target);
        m_reply = m_network->put(request, file);
        file->setParent(m_reply); // lives as long as the request reads it
        connect(m_reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
            m_stall.start();
            if (total > 0) { // Qt ends with (0, 0) once the body is out
                emit progress(sent, total);
            }
        });
        connect(m_reply, &QNetworkReply::downloadProgress, this, [this] { m_stall.start(); });
        connect(m_reply, &QNetworkReply::finished, this, &HttpMediaUpload::done);
        m_stall.start();
    }

    void done()
    {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (m_cancelled) {
            finish(fail(Error::Kind::Cancelled, Error::Reason::UploadCancelled,
                QStringLiteral("The upload was cancelled.")));
        } else if (m_stalled) {
            finish(fail(Error::Kind::Network, Error::Reason::UploadStalled,
                QStringLiteral("The media host stopped answering."),
                { QString::number(m_stall.interval() / 1000) }));
        } else if (status == 200 || status == 201 || status == 204) {
            finish(m_publicUrl);
        } else if (status == 301 || status == 302 || status == 307 || status == 308) {
            redirect(
                status, reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location"))));
        } else if (status >= 500) {
            finish(hostError(
                Error::Kind::Network, Error::Reason::UploadHttpError, status, hostMessage(reply)));
        } else if (status >= 400) {
            finish(hostError(
                Error::Kind::Http, Error::Reason::UploadRefused, status, hostMessage(reply)));
        } else if (status != 0) {
            finish(hostError(
                Error::Kind::Http, Error::Reason::UploadUnexpectedAnswer, status, QString()));
        } else {
            finish(hostError(
                Error::Kind::Network, Error::Reason::UploadUnreachable, 0, reply->errorString()));
        }
    }

    // The same PUT again on the host's own origin, a few times; never to another origin, which
    // would get the token and the customer's file: that fails instead (final: HTTP 3xx).
    void redirect(int status, const QUrl &location)
    {
        if (!location.isValid() || !sameOrigin(location, m_target)) {
            qCWarning(lcOutbox).noquote()
                << "media host redirected the upload to another origin, not followed:"
                << redactUrl(location);
            Error away = Error::because(Error::Kind::Http, Error::Reason::UploadRedirectedAway,
                QStringLiteral("The media host redirected the upload to another origin."),
                { location.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
                        .toString() });
            away.httpStatus = status;
            finish(std::unexpected(away));
            return;
        }
        if (++m_redirects > kMaxRedirects) {
            Error loop = Error::because(Error::Kind::Http, Error::Reason::UploadTooManyRedirects,
                QStringLiteral("The media host redirected the upload too often."),
                { QString::number(kMaxRedirects) });
            loop.httpStatus = status;
            finish(std::unexpected(loop));
            return;
        }
        qCInfo(lcOutbox).noquote() << "media host redirected the upload to" << redactUrl(location);
        m_target = location;
        put();
    }

    void finish(const Result<QString> &result)
    {
        if (m_done) {
            return;
        }
        m_done = true;
        m_stall.stop();
        if (!result) {
            qCInfo(lcOutbox) << "upload failed:" << result.error().message;
        }
        emit finished(result);
        deleteLater();
    }

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QTimer m_stall;
    MediaInfo m_info;
    QString m_path;
    QUrl m_target;
    QString m_publicUrl;
    QString m_token;
    int m_redirects = 0;
    bool m_done = false;
    bool m_cancelled = false;
    bool m_stalled = false;
};

} // namespace

HttpMediaUploader::HttpMediaUploader(TokenProvider token, QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_token(std::move(token))
{
}

HttpMediaUploader::HttpMediaUploader(TokenVault *vault, QObject *parent)
    : HttpMediaUploader(
        [vault]() {
            return vault->read(mediaTokenKey())
                .then([](const Result<QString> &token) -> Result<QString> {
                    // Most hosts need no token; "no keyring" then means the same.
                    if (!token
                        && (TokenVault::isNotFound(token.error())
                            || TokenVault::isNoBackend(token.error()))) {
                        return QString();
                    }
                    return token;
                });
        },
        parent)
{
}

HttpMediaUploader::~HttpMediaUploader()
{
    // Jobs before the network manager whose replies they hold.
    const auto jobs = findChildren<MediaUpload *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(jobs);
}

void HttpMediaUploader::setHost(const QUrl &uploadUrl, const QUrl &publicUrl)
{
    m_uploadUrl = uploadUrl;
    m_publicUrl = publicUrl;
}

bool HttpMediaUploader::isConfigured() const
{
    return m_uploadUrl.isValid() && !m_uploadUrl.host().isEmpty() && m_publicUrl.isValid()
        && !m_publicUrl.host().isEmpty();
}

QUrl HttpMediaUploader::join(const QUrl &base, const QString &name)
{
    QUrl url = base;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/'))) {
        path += QLatin1Char('/');
    }
    url.setPath(path + name);
    return url;
}

MediaUpload *HttpMediaUploader::upload(const QString &accountId, const QString &filePath)
{
    Q_UNUSED(accountId); // one media host for every account
    auto *job = new HttpMediaUpload(m_network, m_stallTimeoutMs, this);
    // From the event loop: finished() must not come before the caller connected to it.
    QMetaObject::invokeMethod(
        job,
        [job, filePath, up = m_uploadUrl, pub = m_publicUrl, token = m_token] {
            job->start(filePath, up, pub, token);
        },
        Qt::QueuedConnection);
    return job;
}

} // namespace inlet
