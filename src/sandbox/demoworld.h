#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

namespace inlet::sandbox {

// CONTRACT between sandbox parts (written by the webhooks/demo-world part, used by the API part).

// A simulated customer of the sandbox business.
struct DemoCustomer {
    QString igsid;    // Instagram-scoped id, 16 digits, unique
    QString name;     // may be empty for a few (Instagram's name can be null)
    QString username;
    int followerCount = 0;
    bool followsBusiness = false; // is_user_follow_business
    bool businessFollows = false; // is_business_follow_user
    bool verified = false;
    QString avatarColor; // "#rrggbb", used to draw the avatar
};

// One message of a demo history, in either direction.
struct DemoMessage {
    QString mid;          // Instagram-like message id (base64-looking, "aWdfZAG1faXRlbTox..." style)
    QString customerIgsid;
    bool fromCustomer = true;
    QString text;
    QJsonArray attachments; // Instagram webhook shape: [{"type":"image","payload":{"url":...}}]
    QString replyToMid;
    qint64 timestampMs = 0;
};

struct DemoWorld {
    QList<DemoCustomer> customers;
    QList<DemoMessage> messages; // ascending by timestamp
};

// A deterministic world: same seed, same customers and histories. Histories end at various ages
// relative to nowMs: some inside 24 h, some between 24 h and 7 days, some older than 7 days.
// `mediaBaseUrl` is the sandbox's base URL; attachment URLs point at its /__sandbox/media/ files.
DemoWorld generateDemoWorld(quint32 seed, int customerCount, qint64 nowMs, const QString &mediaBaseUrl);

// An SVG avatar for a customer (initials on a coloured disc), served at
// /__sandbox/avatars/<igsid>.svg and returned as profile_pic by the User Profile API.
QByteArray avatarSvg(const DemoCustomer &customer);

// A generated mid (stable for a given seed/counter, unique within a sandbox run).
// generateDemoWorld(seed, ...) uses makeMid(seed, 0 .. messages.size() - 1): other callers continue
// that counter (or use another seedA) so that their ids never collide with the world's.
QString makeMid(quint64 seedA, quint64 counter);

} // namespace inlet::sandbox
