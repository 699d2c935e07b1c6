#pragma once

#include <QString>

namespace inlet::sandbox {

// The sandbox's configuration; the same struct is filled from the command line
// (`inlet-sandbox --port ...`) or by code that starts the sandbox in-process.
struct SandboxOptions {
    quint16 port = 0; // 0 picks a free port
    // Two pairs, as Meta issues them for an app with "Instagram API with Instagram login":
    // the Instagram App ID/Secret (OAuth only) and the Meta app's App ID/Secret (the app token for
    // /{app-id}/subscriptions only). Webhooks are signed with the Meta app secret unless
    // POST /__sandbox/webhooks/signing switches to the Instagram one.
    QString appId = QStringLiteral("1000000000000001"); // the Instagram App ID
    QString appSecret = QStringLiteral("sandbox-app-secret");
    QString metaAppId = QStringLiteral("2000000000000002");
    QString metaAppSecret = QStringLiteral("sandbox-meta-app-secret");
    QString businessId = QStringLiteral("17841400000000001"); // IG_ID of the sandbox business account
    QString businessUsername = QStringLiteral("inlet.coffee");
    int customers = 40;
    double eventsPerMinute = 6.0; // simulated customer activity; 0 switches it off
    quint32 seed = 1;
    // Where the sandbox keeps what must survive a restart (tokens by their SHA-256, clock offset,
    // message id counter); empty: nothing is kept, every start is a new Instagram.
    QString stateFile;

    // Shapes and habits of Instagram's that clients must cope with; also switched at run time
    // through POST /__sandbox/quirks (docs/sandbox.md).
    // The key of a message's `reply_to` in the Conversations API: "mid" (Meta's documentation),
    // "id" (met by independent clients) or "mixed" (customers' replies {id}, the business's {mid}).
    QString replyToKey = QStringLiteral("mixed");
    // The echo webhook (and the Conversations API) carry another mid than the Send API's
    // message_id.
    bool echoMidDiffers = false;
    // A refresh (ig_refresh_token) revokes the token it replaces, as Meta may.
    bool revokeOnRefresh = false;
};

} // namespace inlet::sandbox
