#include "sandbox/graphapi.h"

#include "common/redact.h"
#include "sandbox/sandboxlogging.h"
#include "sandbox/webhookdelivery.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace inlet::sandbox {

namespace {

constexpr int kDetailLimit = 20;     // only the 20 most recent messages are readable in detail
constexpr int kDefaultPageSize = 25; // Graph's default page size
constexpr int kMaxPageSize = 100;

QString encodeCursor(const QString &id)
{
    return QString::fromLatin1(
        id.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString decodeCursor(const QString &cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? QString::fromUtf8(*decoded) : QString();
}

HttpReply nonexistingField(const QString &field, const QString &nodeType)
{
    return HttpReply::graphError(
        100, QStringLiteral("(#100) Tried accessing nonexisting field (%1) on node type (%2)").arg(field, nodeType));
}

HttpReply unsupportedGet(const QString &id)
{
    return HttpReply::graphError(
        100,
        QStringLiteral("Unsupported get request. Object with ID '%1' does not exist, cannot be loaded due to "
                       "missing permissions, or does not support this operation.")
            .arg(id),
        33, QStringLiteral("GraphMethodException"));
}

int pageSize(const ApiRequest &request, int fallback)
{
    bool ok = false;
    const int limit = request.param(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit <= 0)
        return fallback;
    return std::min(limit, kMaxPageSize);
}

const QStringList &webhookFields()
{
    static const QStringList fields{
        QStringLiteral("messages"),          QStringLiteral("messaging_postbacks"),
        QStringLiteral("messaging_seen"),    QStringLiteral("message_reactions"),
        QStringLiteral("message_edit"),      QStringLiteral("messaging_referral"),
        QStringLiteral("messaging_optins"),  QStringLiteral("messaging_handover"),
        QStringLiteral("standby"),           QStringLiteral("message_echoes"),
        QStringLiteral("comments"),          QStringLiteral("live_comments"),
    };
    return fields;
}

} // namespace

HttpReply unknownPath(const ApiRequest &request)
{
    return HttpReply::graphError(
        2500, QStringLiteral("Unknown path components: /%1").arg(request.path.join(QLatin1Char('/'))), 0,
        QStringLiteral("IGApiException"));
}

HttpReply GraphApi::handle(const ApiRequest &request)
{
    const QStringList &p = request.path;
    if (p.isEmpty())
        return unknownPath(request);
    const QString &node = p.first();
    const bool get = request.method == "GET";

    // App ids: the Meta app's takes the app-level subscription; the Instagram one is routed there
    // too, so that a client mixing the pairs up gets the token error Graph would give.
    if (node == m_state.options.metaAppId || node == m_state.options.appId) {
        if (p.size() == 2 && p.at(1) == QLatin1String("subscriptions"))
            return appSubscriptions(request);
        return unknownPath(request);
    }

    if (auto error = m_state.requireUserToken(request))
        return *error;

    if (node == QLatin1String("me") || node == m_state.options.businessId) {
        if (p.size() == 1 && get)
            return accountNode(request);
        if (p.size() == 2 && p.at(1) == QLatin1String("conversations") && get)
            return conversations(request);
        if (p.size() == 2 && p.at(1) == QLatin1String("subscribed_apps"))
            return subscribedApps(request);
        return unknownPath(request);
    }
    if (m_state.world.customer(node)) {
        if (p.size() == 1 && get)
            return profileNode(request, node);
        return unknownPath(request);
    }
    const QString conversationOf = m_state.world.customerForConversation(node);
    if (!conversationOf.isEmpty()) {
        if (p.size() == 1 && get)
            return conversationNode(request, conversationOf);
        if (p.size() == 2 && p.at(1) == QLatin1String("messages") && get)
            return messagesEdge(request, conversationOf);
        return unknownPath(request);
    }
    if (m_state.world.hasMid(node)) {
        if (p.size() == 1 && get)
            return messageNode(request, node);
        return unknownPath(request);
    }
    if (p.size() == 1 && get)
        return unsupportedGet(node);
    return unknownPath(request);
}

HttpReply GraphApi::accountNode(const ApiRequest &request)
{
    const SandboxOptions &o = m_state.options;
    QString fields = request.param(QStringLiteral("fields"));
    if (fields.isEmpty())
        fields = QStringLiteral("id");
    QJsonObject out;
    for (const GraphField &f : parseGraphFields(fields)) {
        if (f.name == QLatin1String("id"))
            out.insert(f.name, m_state.appScopedUserId());
        else if (f.name == QLatin1String("user_id"))
            out.insert(f.name, o.businessId);
        else if (f.name == QLatin1String("username"))
            out.insert(f.name, o.businessUsername);
        else if (f.name == QLatin1String("name"))
            out.insert(f.name, QStringLiteral("Inlet Coffee (sandbox)"));
        else if (f.name == QLatin1String("account_type"))
            out.insert(f.name, QStringLiteral("Business"));
        else if (f.name == QLatin1String("profile_picture_url"))
            out.insert(f.name, m_state.avatarUrl(o.businessId));
        else if (f.name == QLatin1String("followers_count"))
            out.insert(f.name, 1280);
        else if (f.name == QLatin1String("follows_count"))
            out.insert(f.name, 312);
        else if (f.name == QLatin1String("media_count"))
            out.insert(f.name, 87);
        else
            return nonexistingField(f.name, QStringLiteral("User"));
    }
    return HttpReply::json(out);
}

HttpReply GraphApi::profileNode(const ApiRequest &request, const QString &igsid)
{
    const WorldCustomer *c = m_state.world.customer(igsid);
    // Instagram shows a profile only to an account the person messaged (or whose icebreaker or
    // menu they tapped), and not once they blocked it (instagram-api.md §5).
    if (c->lastInboundMs == 0 || c->profileHidden)
        return HttpReply::graphError(230, QStringLiteral("(#230) User consent is required to access user profile"));
    QString fields = request.param(QStringLiteral("fields"));
    if (fields.isEmpty())
        fields = QStringLiteral("name,profile_pic");
    const DemoCustomer &d = c->profile;
    QJsonObject out;
    for (const GraphField &f : parseGraphFields(fields)) {
        if (f.name == QLatin1String("id"))
            continue; // always there
        if (f.name == QLatin1String("name"))
            out.insert(f.name, d.name.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(d.name));
        else if (f.name == QLatin1String("username"))
            out.insert(f.name, d.username);
        else if (f.name == QLatin1String("profile_pic"))
            out.insert(f.name, m_state.avatarUrl(igsid));
        else if (f.name == QLatin1String("follower_count"))
            out.insert(f.name, d.followerCount);
        else if (f.name == QLatin1String("is_user_follow_business"))
            out.insert(f.name, d.followsBusiness);
        else if (f.name == QLatin1String("is_business_follow_user"))
            out.insert(f.name, d.businessFollows);
        else if (f.name == QLatin1String("is_verified_user"))
            out.insert(f.name, d.verified);
        else
            return nonexistingField(f.name, QStringLiteral("User"));
    }
    out.insert(QStringLiteral("id"), igsid);
    return HttpReply::json(out);
}

QJsonObject GraphApi::participant(const QString &id) const
{
    if (id == m_state.options.businessId)
        return {{QStringLiteral("username"), m_state.options.businessUsername}, {QStringLiteral("id"), id}};
    const WorldCustomer *c = const_cast<World &>(m_state.world).customer(id);
    return {{QStringLiteral("username"), c ? c->profile.username : QString()}, {QStringLiteral("id"), id}};
}

QString GraphApi::nextUrl(const ApiRequest &request, const QString &path, const QString &after,
                          const QString &fields, int limit) const
{
    QUrlQuery q;
    const QString token = request.query.queryItemValue(QStringLiteral("access_token"), QUrl::FullyDecoded);
    if (!token.isEmpty())
        q.addQueryItem(QStringLiteral("access_token"), token);
    for (const char *keep : {"platform", "user_id"}) {
        const QString key = QLatin1String(keep);
        if (request.query.hasQueryItem(key))
            q.addQueryItem(key, request.query.queryItemValue(key, QUrl::FullyDecoded));
    }
    if (!fields.isEmpty())
        q.addQueryItem(QStringLiteral("fields"), fields);
    if (limit > 0)
        q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    q.addQueryItem(QStringLiteral("after"), after);
    QUrl url(m_state.url(path));
    url.setQuery(q);
    return url.toString(QUrl::FullyEncoded);
}

HttpReply GraphApi::conversations(const ApiRequest &request)
{
    const QString platform = request.param(QStringLiteral("platform")).toLower();
    if (!platform.isEmpty() && platform != QLatin1String("instagram"))
        return HttpReply::graphError(100, QStringLiteral("(#100) Param platform must be one of {INSTAGRAM}"));
    const World &world = m_state.world;
    QStringList ids = world.conversationsByRecency();
    const QString userId = request.param(QStringLiteral("user_id"));
    if (!userId.isEmpty())
        ids = ids.contains(userId) ? QStringList{userId} : QStringList{};

    const int limit = pageSize(request, kDefaultPageSize);
    qsizetype start = 0;
    const QString after = request.param(QStringLiteral("after"));
    if (!after.isEmpty()) {
        const QString igsid = world.customerForConversation(decodeCursor(after));
        const qsizetype at = ids.indexOf(igsid);
        if (igsid.isEmpty() || at < 0)
            return HttpReply::graphError(100, QStringLiteral("(#100) Invalid cursor: after"));
        start = at + 1;
    }
    const QString fieldsParam = request.param(QStringLiteral("fields"));
    const QList<GraphField> fields = parseGraphFields(
        fieldsParam.isEmpty() ? QStringLiteral("id,updated_time") : fieldsParam);

    QJsonArray data;
    const qsizetype end = std::min<qsizetype>(ids.size(), start + limit);
    for (qsizetype i = start; i < end; ++i) {
        const QString &igsid = ids.at(i);
        const QString convId = world.conversationId(igsid);
        QJsonObject item;
        for (const GraphField &f : fields) {
            if (f.name == QLatin1String("id")) {
                continue;
            } else if (f.name == QLatin1String("updated_time")) {
                item.insert(f.name, graphTime(world.updatedMs(igsid).value_or(0)));
            } else if (f.name == QLatin1String("participants")) {
                item.insert(f.name, QJsonObject{{QStringLiteral("data"),
                                                 QJsonArray{participant(m_state.options.businessId),
                                                            participant(igsid)}}});
            } else if (f.name == QLatin1String("messages")) {
                QString error;
                auto page = messagePage(request, igsid, f.sub, f.limit > 0 ? f.limit : kDetailLimit, {}, &error);
                if (!page)
                    return HttpReply::graphError(100, error);
                item.insert(f.name, *page);
            } else {
                return nonexistingField(f.name, QStringLiteral("Conversation"));
            }
        }
        item.insert(QStringLiteral("id"), convId);
        data.append(item);
    }
    QJsonObject out{{QStringLiteral("data"), data}};
    if (!data.isEmpty()) {
        const QString first = encodeCursor(data.first().toObject().value(QStringLiteral("id")).toString());
        const QString last = encodeCursor(data.last().toObject().value(QStringLiteral("id")).toString());
        QJsonObject paging{{QStringLiteral("cursors"),
                            QJsonObject{{QStringLiteral("before"), first}, {QStringLiteral("after"), last}}}};
        if (end < ids.size())
            paging.insert(QStringLiteral("next"),
                          nextUrl(request, QStringLiteral("/me/conversations"), last, fieldsParam, limit));
        out.insert(QStringLiteral("paging"), paging);
    }
    return HttpReply::json(out);
}

std::optional<QJsonObject> GraphApi::messagePage(const ApiRequest &request, const QString &igsid,
                                                 const QString &fields, int limit, const QString &after,
                                                 QString *error)
{
    const QList<const WorldMessage *> all = m_state.world.conversation(igsid);
    qsizetype start = 0;
    if (!after.isEmpty()) {
        const QString mid = decodeCursor(after);
        start = -1;
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (all.at(i)->mid == mid)
                start = i + 1;
        }
        if (start < 0) {
            *error = QStringLiteral("(#100) Invalid cursor: after");
            return std::nullopt;
        }
    }
    QJsonArray data;
    const qsizetype end = std::min<qsizetype>(all.size(), start + limit);
    for (qsizetype i = start; i < end; ++i) {
        auto item = renderMessage(*all.at(i), fields, i < kDetailLimit, error);
        if (!item)
            return std::nullopt;
        data.append(*item);
    }
    QJsonObject out{{QStringLiteral("data"), data}};
    if (!data.isEmpty()) {
        const QString first = encodeCursor(all.at(start)->mid);
        const QString last = encodeCursor(all.at(end - 1)->mid);
        QJsonObject paging{{QStringLiteral("cursors"),
                            QJsonObject{{QStringLiteral("before"), first}, {QStringLiteral("after"), last}}}};
        if (end < all.size())
            paging.insert(QStringLiteral("next"),
                          nextUrl(request, QLatin1Char('/') + m_state.world.conversationId(igsid)
                                               + QStringLiteral("/messages"),
                                  last, fields, limit));
        out.insert(QStringLiteral("paging"), paging);
    }
    return out;
}

std::optional<QJsonObject> GraphApi::renderMessage(const WorldMessage &m, const QString &fields,
                                                   bool detailed, QString *error)
{
    const QString business = m_state.options.businessId;
    const QString from = m.fromCustomer ? m.customerIgsid : business;
    const QString to = m.fromCustomer ? business : m.customerIgsid;
    QJsonObject out{{QStringLiteral("id"), m.mid}};
    for (const GraphField &f : parseGraphFields(fields.isEmpty() ? QStringLiteral("id,created_time") : fields)) {
        const QString &n = f.name;
        if (n == QLatin1String("id")) {
            continue;
        } else if (n == QLatin1String("created_time")) {
            out.insert(n, graphTime(m.timestampMs));
        } else if (!detailed) {
            // Beyond the 20 most recent, Instagram gives ids and times only.
            continue;
        } else if (n == QLatin1String("from")) {
            out.insert(n, participant(from));
        } else if (n == QLatin1String("to")) {
            out.insert(n, QJsonObject{{QStringLiteral("data"), QJsonArray{participant(to)}}});
        } else if (n == QLatin1String("message")) {
            out.insert(n, m.text);
        } else if (n == QLatin1String("is_unsupported")) {
            out.insert(n, false);
        } else if (n == QLatin1String("reply_to")) {
            if (!m.replyToMid.isEmpty()) {
                const WorldMessage *r = m_state.world.messages().isEmpty()
                    ? nullptr
                    : const_cast<World &>(m_state.world).message(m.replyToMid);
                const QString key = m_state.options.replyToKey;
                if (key == QLatin1String("id") || (key == QLatin1String("mixed") && m.fromCustomer))
                    out.insert(n, QJsonObject { { QStringLiteral("id"), m.replyToMid } });
                else
                    out.insert(n,
                        QJsonObject { { QStringLiteral("mid"), m.replyToMid },
                            { QStringLiteral("is_self_reply"),
                                r && r->fromCustomer == m.fromCustomer } });
            }
        } else if (n == QLatin1String("attachments") || n == QLatin1String("shares")
                   || n == QLatin1String("story")) {
            QJsonArray attachments;
            QJsonArray shares;
            QJsonObject story;
            for (const QJsonValue &v : m.attachments) {
                const QString type = v[QStringLiteral("type")].toString();
                const QJsonObject payload = v[QStringLiteral("payload")].toObject();
                const QString url = payload.value(QStringLiteral("url")).toString();
                if (type == QLatin1String("image")) {
                    attachments.append(QJsonObject{
                        {QStringLiteral("mime_type"), QStringLiteral("image/jpeg")},
                        {QStringLiteral("image_data"),
                         QJsonObject{{QStringLiteral("url"), url}, {QStringLiteral("preview_url"), url},
                                     {QStringLiteral("width"), 1080}, {QStringLiteral("height"), 1080}}}});
                } else if (type == QLatin1String("video")) {
                    attachments.append(QJsonObject{
                        {QStringLiteral("mime_type"), QStringLiteral("video/mp4")},
                        {QStringLiteral("video_data"),
                         QJsonObject{{QStringLiteral("url"), url}, {QStringLiteral("preview_url"), url}}}});
                } else if (type == QLatin1String("audio") || type == QLatin1String("file")) {
                    attachments.append(QJsonObject{
                        {QStringLiteral("mime_type"), type == QLatin1String("audio") ? QStringLiteral("audio/mp4")
                                                                                      : QStringLiteral("application/pdf")},
                        {QStringLiteral("name"), url.section(QLatin1Char('/'), -1)},
                        {QStringLiteral("file_url"), url}});
                } else if (type == QLatin1String("story_mention")) {
                    story.insert(QStringLiteral("mention"),
                                 QJsonObject{{QStringLiteral("link"), url}, {QStringLiteral("id"), m.mid}});
                } else {
                    shares.append(QJsonObject{{QStringLiteral("link"), url},
                                              {QStringLiteral("name"), payload.value(QStringLiteral("title")).toString()}});
                }
            }
            if (!m.storyUrl.isEmpty())
                story.insert(QStringLiteral("reply_to"),
                             QJsonObject{{QStringLiteral("link"), m.storyUrl}, {QStringLiteral("id"), m.storyId}});
            if (n == QLatin1String("attachments") && !attachments.isEmpty())
                out.insert(n, QJsonObject{{QStringLiteral("data"), attachments}});
            if (n == QLatin1String("shares") && !shares.isEmpty())
                out.insert(n, QJsonObject{{QStringLiteral("data"), shares}});
            if (n == QLatin1String("story") && !story.isEmpty())
                out.insert(n, story);
        } else if (n == QLatin1String("reactions")) {
            QJsonArray data;
            if (!m.customerReaction.isEmpty() || !m.customerEmoji.isEmpty())
                data.append(QJsonObject{{QStringLiteral("reaction"), m.customerEmoji.isEmpty() ? m.customerReaction : m.customerEmoji},
                                        {QStringLiteral("users"), QJsonArray{participant(m.customerIgsid)}}});
            if (!m.businessReaction.isEmpty())
                data.append(QJsonObject{{QStringLiteral("reaction"), m.businessReaction},
                                        {QStringLiteral("users"), QJsonArray{participant(business)}}});
            if (!data.isEmpty())
                out.insert(n, QJsonObject{{QStringLiteral("data"), data}});
        } else {
            *error = QStringLiteral("(#100) Tried accessing nonexisting field (%1) on node type (Message)").arg(n);
            return std::nullopt;
        }
    }
    return out;
}

HttpReply GraphApi::conversationNode(const ApiRequest &request, const QString &igsid)
{
    const QString fieldsParam = request.param(QStringLiteral("fields"));
    QJsonObject out;
    for (const GraphField &f : parseGraphFields(fieldsParam.isEmpty() ? QStringLiteral("id") : fieldsParam)) {
        if (f.name == QLatin1String("id")) {
            continue;
        } else if (f.name == QLatin1String("updated_time")) {
            out.insert(f.name, graphTime(m_state.world.updatedMs(igsid).value_or(0)));
        } else if (f.name == QLatin1String("participants")) {
            out.insert(f.name, QJsonObject{{QStringLiteral("data"),
                                            QJsonArray{participant(m_state.options.businessId), participant(igsid)}}});
        } else if (f.name == QLatin1String("messages")) {
            QString error;
            auto page = messagePage(request, igsid, f.sub, f.limit > 0 ? std::min(f.limit, kMaxPageSize) : kDetailLimit,
                                    {}, &error);
            if (!page)
                return HttpReply::graphError(100, error);
            out.insert(f.name, *page);
        } else {
            return nonexistingField(f.name, QStringLiteral("Conversation"));
        }
    }
    out.insert(QStringLiteral("id"), m_state.world.conversationId(igsid));
    return HttpReply::json(out);
}

HttpReply GraphApi::messagesEdge(const ApiRequest &request, const QString &igsid)
{
    QString error;
    auto page = messagePage(request, igsid, request.param(QStringLiteral("fields")),
                            pageSize(request, kDetailLimit), request.param(QStringLiteral("after")), &error);
    if (!page)
        return HttpReply::graphError(100, error);
    return HttpReply::json(*page);
}

HttpReply GraphApi::messageNode(const ApiRequest &request, const QString &mid)
{
    const WorldMessage *m = m_state.world.message(mid);
    if (!m || m->deleted)
        return unsupportedGet(mid);
    const QList<const WorldMessage *> all = m_state.world.conversation(m->customerIgsid);
    const qsizetype position = all.indexOf(m);
    if (position < 0 || position >= kDetailLimit)
        return HttpReply::graphError(
            100, QStringLiteral("(#100) This message has been deleted or is too old: only the 20 most recent "
                                "messages of a conversation can be read."),
            33, QStringLiteral("GraphMethodException"));
    QString error;
    auto out = renderMessage(*m, request.param(QStringLiteral("fields")), true, &error);
    if (!out)
        return HttpReply::graphError(100, error);
    return HttpReply::json(*out);
}

HttpReply GraphApi::subscribedApps(const ApiRequest &request)
{
    Subscriptions &subs = m_state.world.subscriptions();
    if (request.method == "GET") {
        QJsonArray data;
        if (!subs.accountFields.isEmpty())
            data.append(QJsonObject{{QStringLiteral("id"), m_state.options.appId},
                                    {QStringLiteral("name"), QStringLiteral("Inlet (sandbox app)")},
                                    {QStringLiteral("subscribed_fields"), QJsonArray::fromStringList(subs.accountFields)}});
        return HttpReply::json(QJsonObject{{QStringLiteral("data"), data}});
    }
    if (request.method == "DELETE") {
        subs.accountFields.clear();
        qCInfo(lcSandbox) << "account unsubscribed from the app";
        return HttpReply::json(QJsonObject{{QStringLiteral("success"), true}});
    }
    if (request.method != "POST")
        return unknownPath(request);
    const QStringList fields = splitList(request.param(QStringLiteral("subscribed_fields")));
    if (fields.isEmpty())
        return HttpReply::graphError(100, QStringLiteral("(#100) The parameter subscribed_fields is required."));
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (!webhookFields().contains(fields.at(i)))
            return HttpReply::graphError(
                100, QStringLiteral("(#100) Param subscribed_fields[%1] must be one of {%2} - got \"%3\".")
                         .arg(i).arg(webhookFields().join(QStringLiteral(", ")), fields.at(i)));
    }
    subs.accountFields = fields;
    subs.accountFields.removeDuplicates();
    if (m_state.delivery)
        m_state.delivery->restartFailureWindow();
    qCInfo(lcSandbox) << "account subscribed to" << subs.accountFields;
    return HttpReply::json(QJsonObject{{QStringLiteral("success"), true}});
}

std::optional<HttpReply> GraphApi::appTokenError(const ApiRequest &request) const
{
    const QString token = request.accessToken();
    if (token != m_state.appToken()) {
        if (m_state.tokens.check(token, m_state.clock.nowMs()) == TokenStore::Check::Valid)
            return HttpReply::graphError(15, QStringLiteral("(#15) This method must be called with an app access_token."));
        // Any other ID|SECRET, the Instagram App ID/Secret included: graph.facebook.com's app
        // tokens are made of the Meta app's pair (App settings > Basic).
        if (token.contains(QLatin1Char('|')))
            return HttpReply::graphError(190, QStringLiteral("Invalid OAuth access token signature."));
        if (auto error = m_state.requireUserToken(request))
            return error;
    }
    // The Meta app's token on another app's id (the Instagram App ID) cannot reach it.
    if (request.path.value(0) != m_state.options.metaAppId)
        return HttpReply::graphError(100,
            QStringLiteral("Unsupported %1 request. Object with ID '%2' does not exist, cannot be "
                           "loaded due to "
                           "missing permissions, or does not support this operation.")
                .arg(QString::fromLatin1(request.method).toLower(), request.path.value(0)),
            33, QStringLiteral("GraphMethodException"));
    return std::nullopt;
}

HttpReply GraphApi::appSubscriptions(const ApiRequest &request)
{
    if (auto error = appTokenError(request))
        return *error;
    Subscriptions &subs = m_state.world.subscriptions();
    if (request.method == "GET") {
        QJsonArray data;
        if (!subs.callbackUrl.isEmpty()) {
            QJsonArray fields;
            for (const QString &f : subs.appFields)
                fields.append(QJsonObject{{QStringLiteral("name"), f}, {QStringLiteral("version"), QStringLiteral("v25.0")}});
            data.append(QJsonObject{{QStringLiteral("object"), QStringLiteral("instagram")},
                                    {QStringLiteral("callback_url"), subs.callbackUrl.toString()},
                                    {QStringLiteral("active"), true},
                                    {QStringLiteral("fields"), fields}});
        }
        return HttpReply::json(QJsonObject{{QStringLiteral("data"), data}});
    }
    if (request.method == "DELETE") {
        subs.callbackUrl.clear();
        subs.verifyToken.clear();
        subs.appFields.clear();
        if (m_state.delivery)
            m_state.delivery->setCallbackUrl({});
        return HttpReply::json(QJsonObject{{QStringLiteral("success"), true}});
    }
    return unknownPath(request); // POST goes through subscribeApp()
}

bool GraphApi::isAppSubscriptionPost(const ApiRequest &request) const
{
    return request.method == "POST" && request.path.size() == 2
        && (request.path.at(0) == m_state.options.metaAppId
            || request.path.at(0) == m_state.options.appId)
        && request.path.at(1) == QLatin1String("subscriptions");
}

void GraphApi::subscribeApp(const ApiRequest &request, std::function<void(HttpReply)> done)
{
    if (auto error = appTokenError(request)) {
        done(*error);
        return;
    }
    const QString object = request.param(QStringLiteral("object"));
    if (object != QLatin1String("instagram"))
        return done(HttpReply::graphError(100, QStringLiteral("(#100) Param object must be one of {instagram}")));
    const QUrl callback(request.param(QStringLiteral("callback_url")), QUrl::StrictMode);
    if (!callback.isValid() || callback.host().isEmpty()
        || (callback.scheme() != QLatin1String("https") && callback.scheme() != QLatin1String("http")))
        return done(HttpReply::graphError(100, QStringLiteral("(#100) callback_url URL is not properly formatted")));
    const QStringList fields = splitList(request.param(QStringLiteral("fields")));
    if (fields.isEmpty())
        return done(HttpReply::graphError(100, QStringLiteral("(#100) The parameter fields is required.")));
    for (const QString &f : fields) {
        if (!webhookFields().contains(f))
            return done(HttpReply::graphError(
                100, QStringLiteral("(#100) Param fields must be one of {%1} - got \"%2\".")
                         .arg(webhookFields().join(QStringLiteral(", ")), f)));
    }
    const QString verifyToken = request.param(QStringLiteral("verify_token"));
    if (verifyToken.isEmpty())
        return done(HttpReply::graphError(100, QStringLiteral("(#100) The parameter verify_token is required.")));

    // Meta's handshake: GET callback?hub.mode=subscribe&hub.challenge=<int>&hub.verify_token=<token>.
    const QString challenge = QString::number(QRandomGenerator::global()->bounded(100000000, 2000000000));
    QUrl url = callback;
    QUrlQuery q(url);
    q.addQueryItem(QStringLiteral("hub.mode"), QStringLiteral("subscribe"));
    q.addQueryItem(QStringLiteral("hub.challenge"), challenge);
    q.addQueryItem(QStringLiteral("hub.verify_token"), QString::fromUtf8(QUrl::toPercentEncoding(verifyToken)));
    url.setQuery(q);
    QNetworkRequest verify(url);
    verify.setTransferTimeout(5000);
    QNetworkReply *reply = m_state.network->get(verify);
    qCInfo(lcSandbox) << "subscription handshake to" << redactUrl(url);
    SandboxState *state = &m_state;
    QObject::connect(reply, &QNetworkReply::finished, reply, [=]() {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status != 200) {
            const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
            QString message = QStringLiteral("(#2200) Callback verification failed with the following errors: ");
            if (status == 0)
                message += QStringLiteral("curl_errno = 7; curl_error = %1; ").arg(reply->errorString());
            message += QStringLiteral("HTTP Status Code = %1; HTTP Message = %2").arg(status).arg(reason);
            qCInfo(lcSandbox) << "subscription handshake failed, HTTP" << status;
            return done(HttpReply::graphError(2200, message));
        }
        if (body != challenge.toUtf8()) {
            qCInfo(lcSandbox) << "subscription handshake: wrong challenge echoed";
            return done(HttpReply::graphError(
                2201, QStringLiteral("(#2201) response does not match challenge, expected value=\"%1\", received=\"%2\"")
                          .arg(challenge, QString::fromUtf8(body.left(64)))));
        }
        Subscriptions &subs = state->world.subscriptions();
        subs.callbackUrl = callback;
        subs.verifyToken = verifyToken;
        subs.appFields = fields;
        if (state->delivery)
            state->delivery->setCallbackUrl(callback);
        qCInfo(lcSandbox) << "webhook callback registered:" << redactUrl(callback) << fields;
        done(HttpReply::json(QJsonObject{{QStringLiteral("success"), true}}));
    });
}

} // namespace inlet::sandbox
