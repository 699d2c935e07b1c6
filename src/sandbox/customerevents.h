#pragma once

#include "sandbox/sandboxstate.h"

#include <QJsonObject>
#include <QString>

namespace inlet::sandbox {

// Applies a customer's action to the world and sends it out as a webhook item. Used by
// POST /__sandbox/events and by the customer simulator.
// Spec: {"kind": text|image|video|audio|file|share|story_mention|reel|reply|story_reply|reaction|
//        unreaction|read|unsend|edit|postback|referral|quick_reply, "customer": IGSID, ...}
class CustomerEvents {
public:
    explicit CustomerEvents(SandboxState &state) : m_state(state) {}

    struct Outcome {
        QString mid;   // the new message's mid, or the mid the event refers to
        QString error; // non-empty: nothing happened
    };
    Outcome apply(const QJsonObject &spec);

    static QStringList kinds();

private:
    Outcome addMessage(WorldCustomer &customer, WorldMessage message, const QString &kind,
                       const QJsonObject &spec);
    SandboxState &m_state;
};

} // namespace inlet::sandbox
