#pragma once

#include "sandbox/apirequest.h"
#include "sandbox/httpreply.h"
#include "sandbox/sandboxstate.h"

#include "sandbox/mediafetcher.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <memory>

namespace inlet::sandbox {

// The Send API: POST /me/messages and /{IG_ID}/messages with Instagram's rules: 24 h window
// after the customer's last message, HUMAN_AGENT tag up to 7 days, text up to 1000 UTF-8 bytes,
// attachments by URL, sender actions. A sent message is stored and echoed through the webhook.
// Media attachments are fetched first, as Instagram does (MediaFetcher: the sandbox's own media
// host from memory, other URLs by GET), and refused with 100/2018047 when unreachable or of the
// wrong content type; the stored message and the echo carry a copy under the sandbox's /cdn/.
class SendApi {
public:
    static constexpr qint64 kStandardWindowMs = 24LL * 3600 * 1000;
    static constexpr qint64 kHumanAgentWindowMs = 7LL * 24 * 3600 * 1000;
    static constexpr int kMaxTextBytes = 1000;

    explicit SendApi(SandboxState &state) : m_state(state), m_fetcher(state) {}

    bool matches(const ApiRequest &request) const;
    // Answers through `done`, at once or after the attachments were fetched.
    void send(const ApiRequest &request, std::function<void(HttpReply)> done);

private:
    // A valid message, waiting for its attachments to be fetched.
    struct Outgoing {
        QString igsid;
        QString text;
        QJsonArray attachments;
        QString replyToMid;
        QString messagingType;
        QString tag;
        QJsonValue message; // as the client sent it, for the sent log
    };
    // Validates; a sender action or an error is answered, a message is left in `out`.
    HttpReply prepare(const ApiRequest &request, std::optional<Outgoing> &out);
    void fetchAttachments(std::shared_ptr<Outgoing> out, int index, std::function<void(HttpReply)> done);
    HttpReply commit(const Outgoing &out);

    HttpReply senderAction(const QJsonObject &body, WorldCustomer &customer);
    // Validates message.* and fills text/attachments; returns an error reply if invalid.
    std::optional<HttpReply> readMessage(const QJsonObject &message, QString *text, QJsonArray *attachments);
    std::optional<HttpReply> checkWindow(const WorldCustomer &customer, bool humanAgent) const;

    SandboxState &m_state;
    MediaFetcher m_fetcher;
};

} // namespace inlet::sandbox
