#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace inlet::sandbox::payloads {

// CONTRACT: builders for entry[].messaging[] items exactly as Instagram sends them
// (../shared/docs/instagram-api.md §2.5-2.7). `from`/`to` are ids (IGSID or IG_ID).

QJsonObject text(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
                 const QString &text);
QJsonObject attachments(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
                        const QJsonArray &attachments, const QString &text = {});
QJsonObject replyToMessage(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
                           const QString &text, const QString &repliedMid);
QJsonObject replyToStory(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
                         const QString &text, const QString &storyUrl, const QString &storyId);
QJsonObject storyMention(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
                         const QString &storyUrl);
QJsonObject quickReply(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
                       const QString &title, const QString &payload);
// Echo of a message the business sent (is_echo): from = business IG_ID, to = customer IGSID.
QJsonObject echo(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
                 const QString &text, const QJsonArray &attachments = {});
QJsonObject reaction(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
                     const QString &reaction, const QString &emoji);
QJsonObject unreaction(const QString &from, const QString &to, qint64 tsMs, const QString &mid);
QJsonObject seen(const QString &from, const QString &to, qint64 tsMs, const QString &lastSeenMid);
QJsonObject unsend(const QString &from, const QString &to, qint64 tsMs, const QString &mid);
QJsonObject edit(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
                 const QString &newText, int numEdit);
QJsonObject postback(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
                     const QString &title, const QString &payload);
QJsonObject referral(const QString &from, const QString &to, qint64 tsMs, const QString &ref,
                     const QString &source);

// One attachment as Instagram sends it: {"type":type,"payload":{"url":url, ...extraPayload}}.
// Types: image, video, audio, file, share, story_mention, ig_reel, reel, ig_post (extra keys such
// as "title", "reel_video_id" or "ig_post_media_id" go in extraPayload). An empty url is left out.
QJsonObject attachment(const QString &type, const QString &url, const QJsonObject &extraPayload = {});

// The emoji Instagram sends with a reaction name (love, like, laugh, wow, sad, angry; else "").
QString emojiForReaction(const QString &reaction);

// The POST body: {"object":"instagram","entry":[{"id":businessId,"time":nowMs,"messaging":[...]}]}
QJsonObject envelope(const QString &businessId, qint64 timeMs, const QJsonArray &messagingItems);

} // namespace inlet::sandbox::payloads
