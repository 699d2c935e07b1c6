#pragma once

#include "sandbox/apirequest.h"
#include "sandbox/httpreply.h"
#include "sandbox/sandboxstate.h"

#include <QJsonObject>

namespace inlet::sandbox {

// The Send API: POST /me/messages and /{IG_ID}/messages with Instagram's rules: 24 h window
// after the customer's last message, HUMAN_AGENT tag up to 7 days, text up to 1000 UTF-8 bytes,
// attachments by URL, sender actions. A sent message is stored and echoed through the webhook.
class SendApi {
public:
    static constexpr qint64 kStandardWindowMs = 24LL * 3600 * 1000;
    static constexpr qint64 kHumanAgentWindowMs = 7LL * 24 * 3600 * 1000;
    static constexpr int kMaxTextBytes = 1000;

    explicit SendApi(SandboxState &state) : m_state(state) {}

    bool matches(const ApiRequest &request) const;
    HttpReply send(const ApiRequest &request);

private:
    HttpReply senderAction(const QJsonObject &body, WorldCustomer &customer);
    // Validates message.* and fills text/attachments; returns an error reply if invalid.
    std::optional<HttpReply> readMessage(const QJsonObject &message, QString *text, QJsonArray *attachments);
    std::optional<HttpReply> checkWindow(const WorldCustomer &customer, bool humanAgent) const;

    SandboxState &m_state;
};

} // namespace inlet::sandbox
