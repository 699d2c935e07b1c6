#include "sandbox/sandbox.h"

#include "common/redact.h"
#include "sandbox/apirequest.h"
#include "sandbox/controlapi.h"
#include "sandbox/customerevents.h"
#include "sandbox/customersimulator.h"
#include "sandbox/demoworld.h"
#include "sandbox/graphapi.h"
#include "sandbox/mediahost.h"
#include "sandbox/oauthapi.h"
#include "sandbox/sandboxlogging.h"
#include "sandbox/sandboxstate.h"
#include "sandbox/sandboxstatefile.h"
#include "sandbox/sendapi.h"
#include "sandbox/webhookdelivery.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <optional>

// The consent page lives in the static library's resources, which need an explicit init.
static void initSandboxResources()
{
    Q_INIT_RESOURCE(sandbox);
}

namespace inlet::sandbox {

namespace {

// QAbstractHttpServer rather than QHttpServer's router: every path goes through one dispatcher
// (Graph's ids are in the path), and the raw socket is needed to drop connections on purpose.
class Server : public QAbstractHttpServer {
public:
    using Handler = std::function<void(const QHttpServerRequest &, QTcpSocket *)>;
    explicit Server(Handler handler, QObject *parent) : QAbstractHttpServer(parent), m_handler(std::move(handler)) {}

    using QAbstractHttpServer::makeResponder;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        m_handler(request, socket);
        return true;
    }
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        m_handler(request, socket);
    }

private:
    Handler m_handler;
};

void write(QHttpServerResponder &responder, const HttpReply &reply)
{
    // As QHttpServerResponder::write(body, headers, status) does, with optional headers.
    responder.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
    responder.writeHeader("Content-Type", reply.contentType);
    if (!reply.location.isEmpty())
        responder.writeHeader("Location", reply.location);
    if (!reply.setCookie.isEmpty())
        responder.writeHeader("Set-Cookie", reply.setCookie);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    responder.writeBody(reply.body);
}

// A redirect fault points at the same path on another port of this machine.
FaultInjector::Decision redirected(
    FaultInjector::Decision decision, const QHttpServerRequest &request)
{
    if (decision.redirectPort != 0 && decision.reply) {
        QUrl to = request.url();
        to.setScheme(QStringLiteral("http"));
        to.setHost(QStringLiteral("127.0.0.1"));
        to.setPort(decision.redirectPort);
        decision.reply->location = to.toEncoded();
    }
    return decision;
}

} // namespace

struct Sandbox::Private {
    explicit Private(SandboxOptions options, Sandbox *owner)
        : q(owner)
        , delivery(options.metaAppSecret.toUtf8(), owner)
        , network(owner)
    {
        if (!options.stateFile.isEmpty()) {
            stateFile.emplace(options.stateFile);
            state.tokens.setChangedCallback([this] { scheduleSave(); });
            state.changed = [this] { scheduleSave(); };
        }
        state.options = std::move(options);
        state.delivery = &delivery;
        state.network = &network;
        state.world.setBusinessId(state.options.businessId);
        // entry[].time follows the sandbox clock, so it moves with /__sandbox/clock/advance.
        delivery.setClock([this] { return state.clock.nowMs(); });
        // Meta switches an account's subscription off after sustained failed deliveries: it then
        // disappears from GET /me/subscribed_apps until the account subscribes again.
        QObject::connect(&delivery, &WebhookDelivery::subscriptionDisabled, owner, [this] {
            state.world.subscriptions().accountFields.clear();
            if (state.changed)
                state.changed();
        });
    }

    void dispatch(const QHttpServerRequest &request, QTcpSocket *socket);
    // Saves are coalesced: many changes in one turn of the event loop make one write.
    void scheduleSave();
    void saveNow();
    void reply(QTcpSocket *socket, const QHttpServerRequest &request, HttpReply reply, int latencyMs,
               const QByteArray &logLine);

    Sandbox *q;
    SandboxState state;
    std::optional<SandboxStateFile> stateFile;
    bool savePending = false;
    WebhookDelivery delivery;
    QNetworkAccessManager network;
    OAuthApi oauth{state};
    GraphApi graph{state};
    SendApi send{state};
    MediaHost mediaHost{state};
    CustomerEvents events{state};
    CustomerSimulator *simulator = nullptr;
    std::unique_ptr<ControlApi> control;
    Server *server = nullptr;
    qint64 requests = 0;
};

void Sandbox::Private::dispatch(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ++requests;
    const ApiRequest api = ApiRequest::fromHttp(request);
    const QByteArray logLine = api.method + ' ' + redactUrl(request.url()).toUtf8();
    if (ControlApi::matches(api)) {
        reply(socket, request, control->handle(api), 0, logLine);
        scheduleSave(); // e.g. the clock moved
        return;
    }
    // The media host is another server in reality: only its own faults apply.
    if (MediaHost::matches(api)) {
        const FaultInjector::Decision mediaFault = redirected(state.mediaFaults.next(), request);
        return reply(socket, request, mediaFault.reply ? *mediaFault.reply : mediaHost.handle(api),
                     mediaFault.latencyMs, logLine);
    }

    const FaultInjector::Decision fault = redirected(state.faults.next(), request);
    if (fault.reply)
        return reply(socket, request, *fault.reply, fault.latencyMs, logLine + " (injected fault)");

    if (auto answer = oauth.handle(api))
        return reply(socket, request, *answer, fault.latencyMs, logLine);
    if (send.matches(api)) {
        // Answered once the attachments are fetched (at once for text).
        auto responder = std::make_shared<QHttpServerResponder>(Server::makeResponder(request, socket));
        QPointer<QTcpSocket> alive(socket);
        send.send(api, [this, responder, alive, logLine, latency = fault.latencyMs](HttpReply answer) {
            qCDebug(lcSandbox).noquote() << logLine << "->" << answer.status;
            QTimer::singleShot(latency, server, [responder, alive, answer] {
                if (alive)
                    write(*responder, answer);
            });
        });
        return;
    }
    if (graph.isAppSubscriptionPost(api)) {
        // Answered after the handshake; the responder is taken now and written later.
        auto responder = std::make_shared<QHttpServerResponder>(Server::makeResponder(request, socket));
        QPointer<QTcpSocket> alive(socket);
        graph.subscribeApp(api, [responder, alive, logLine](HttpReply answer) {
            qCDebug(lcSandbox).noquote() << logLine << "->" << answer.status;
            if (alive)
                write(*responder, answer);
        });
        return;
    }
    reply(socket, request, graph.handle(api), fault.latencyMs, logLine);
}

void Sandbox::Private::reply(QTcpSocket *socket, const QHttpServerRequest &request, HttpReply answer,
                             int latencyMs, const QByteArray &logLine)
{
    qCDebug(lcSandbox).noquote() << logLine << "->" << (answer.drop ? QByteArray("dropped") : QByteArray::number(answer.status));
    if (latencyMs <= 0) {
        if (answer.drop) {
            socket->abort();
            return;
        }
        QHttpServerResponder responder = Server::makeResponder(request, socket);
        write(responder, answer);
        return;
    }
    auto responder = std::make_shared<QHttpServerResponder>(Server::makeResponder(request, socket));
    QPointer<QTcpSocket> alive(socket);
    QTimer::singleShot(latencyMs, server, [responder, alive, answer]() {
        if (!alive)
            return;
        if (answer.drop)
            alive->abort();
        else
            write(*responder, answer);
    });
}

void Sandbox::Private::scheduleSave()
{
    if (!stateFile || savePending)
        return;
    savePending = true;
    QTimer::singleShot(0, q, [this] { saveNow(); });
}

void Sandbox::Private::saveNow()
{
    savePending = false;
    if (!stateFile)
        return;
    if (const Status saved = stateFile->save(state); !saved)
        qCWarning(lcSandbox).noquote() << saved.error().message;
}

Sandbox::Sandbox(SandboxOptions options, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(std::move(options), this))
{
    initSandboxResources();
    d->simulator = new CustomerSimulator(d->state, d->events, this);
    d->control = std::make_unique<ControlApi>(d->state, d->oauth, d->events, *d->simulator);
}

Sandbox::~Sandbox()
{
    // The server first: no request may reach the parts while they are being destroyed.
    delete d->server;
    d->server = nullptr;
    delete d->simulator;
    d->simulator = nullptr;
    if (d->savePending)
        d->saveNow();
}

inlet::Result<QUrl> Sandbox::start()
{
    if (d->server)
        return d->state.baseUrl;
    if (d->stateFile && d->state.baseUrl.isEmpty()) {
        // Before anything is issued: restored tokens and counters come first.
        if (const Status loaded = d->stateFile->load(d->state); !loaded)
            qCWarning(lcSandbox).noquote() << loaded.error().message << "- starting afresh";
        d->simulator->reseed(quint32(d->state.midCounter));
    }
    d->server = new Server([this](const QHttpServerRequest &r, QTcpSocket *s) { d->dispatch(r, s); }, this);
    const quint16 port = d->server->listen(QHostAddress::LocalHost, d->state.options.port);
    if (port == 0) {
        delete d->server;
        d->server = nullptr;
        return inlet::fail(inlet::Error::Kind::Network,
                           QStringLiteral("sandbox: cannot listen on 127.0.0.1:%1").arg(d->state.options.port));
    }
    d->state.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    const qint64 now = d->state.clock.nowMs();
    d->state.world.load(generateDemoWorld(d->state.options.seed, d->state.options.customers, now,
                                          d->state.baseUrl.toString()));
    d->simulator->setRate(d->state.options.eventsPerMinute);
    qCInfo(lcSandbox).noquote() << "sandbox listening on" << d->state.baseUrl.toString() << "with"
                                << d->state.world.customers().size() << "customers,"
                                << d->state.world.messages().size() << "messages";
    return d->state.baseUrl;
}

QUrl Sandbox::baseUrl() const { return d->state.baseUrl; }
const SandboxOptions &Sandbox::options() const { return d->state.options; }
SandboxClock &Sandbox::clock() { return d->state.clock; }
World &Sandbox::world() { return d->state.world; }
TokenStore &Sandbox::tokens() { return d->state.tokens; }
WebhookDelivery &Sandbox::delivery() { return d->delivery; }
CustomerSimulator &Sandbox::simulator() { return *d->simulator; }
QList<QJsonObject> Sandbox::sentMessages() const { return d->state.sent; }
qint64 Sandbox::requestCount() const { return d->requests; }

QString Sandbox::issueToken(bool longLived)
{
    return d->state.tokens.issueToken(
        longLived, {QStringLiteral("instagram_business_basic"), QStringLiteral("instagram_business_manage_messages")},
        d->state.clock.nowMs());
}

inlet::Result<QString> Sandbox::injectEvent(const QJsonObject &spec)
{
    const CustomerEvents::Outcome outcome = d->events.apply(spec);
    if (!outcome.error.isEmpty())
        return inlet::fail(inlet::Error::Kind::Invalid, outcome.error);
    return outcome.mid;
}

} // namespace inlet::sandbox
