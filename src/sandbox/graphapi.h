#pragma once

#include "sandbox/apirequest.h"
#include "sandbox/graphfields.h"
#include "sandbox/httpreply.h"
#include "sandbox/sandboxstate.h"

#include <QJsonObject>

#include <functional>

namespace inlet::sandbox {

// Graph reads and webhook subscriptions:
//   GET /me, GET /{IGSID} (User Profile API), GET /me/conversations, GET /{conversation-id}
//   (and /{conversation-id}/messages), GET /{mid}, GET|POST|DELETE /me/subscribed_apps,
//   GET|POST|DELETE /{app-id}/subscriptions.
// The Send API lives in SendApi.
class GraphApi {
public:
    explicit GraphApi(SandboxState &state) : m_state(state) {}

    // Always answers: unknown paths get Graph's error 2500 "Unknown path components".
    HttpReply handle(const ApiRequest &request);

    bool isAppSubscriptionPost(const ApiRequest &request) const;
    // POST /{app-id}/subscriptions: performs the GET handshake against callback_url first, so
    // the answer comes later through `done`.
    void subscribeApp(const ApiRequest &request, std::function<void(HttpReply)> done);

private:
    HttpReply accountNode(const ApiRequest &request);
    HttpReply profileNode(const ApiRequest &request, const QString &igsid);
    HttpReply conversations(const ApiRequest &request);
    HttpReply conversationNode(const ApiRequest &request, const QString &igsid);
    HttpReply messagesEdge(const ApiRequest &request, const QString &igsid);
    HttpReply messageNode(const ApiRequest &request, const QString &mid);
    HttpReply subscribedApps(const ApiRequest &request);
    HttpReply appSubscriptions(const ApiRequest &request);
    // Graph's error when the request does not carry the Meta app's token for its own id.
    std::optional<HttpReply> appTokenError(const ApiRequest &request) const;

    // {"data":[...],"paging":{...}} for a conversation's messages from `after`.
    std::optional<QJsonObject> messagePage(const ApiRequest &request, const QString &igsid,
                                           const QString &fields, int limit, const QString &after,
                                           QString *error);
    std::optional<QJsonObject> renderMessage(const WorldMessage &message, const QString &fields,
                                             bool detailed, QString *error);
    QJsonObject participant(const QString &id) const;
    QString nextUrl(const ApiRequest &request, const QString &path, const QString &after,
                    const QString &fields = {}, int limit = 0) const;

    SandboxState &m_state;
};

HttpReply unknownPath(const ApiRequest &request);

} // namespace inlet::sandbox
