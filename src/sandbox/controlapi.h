#pragma once

#include "sandbox/apirequest.h"
#include "sandbox/httpreply.h"
#include "sandbox/sandboxstate.h"

#include <optional>

namespace inlet::sandbox {

class CustomerEvents;
class CustomerSimulator;
class OAuthApi;

// The sandbox's own control API under /__sandbox/ (JSON in, JSON out): clock, faults, tokens,
// customer events, the sent log, headless consent, app credentials, state, simulator rate,
// customer availability, redirect URIs, avatars and media, the media host's uploads and faults.
// Never subject to injected faults.
class ControlApi {
public:
    ControlApi(SandboxState &state, OAuthApi &oauth, CustomerEvents &events, CustomerSimulator &simulator)
        : m_state(state), m_oauth(oauth), m_events(events), m_simulator(simulator)
    {
    }

    static bool matches(const ApiRequest &request);
    HttpReply handle(const ApiRequest &request);

private:
    HttpReply clock() const;
    HttpReply quirks(const QJsonObject &body);
    HttpReply faults(FaultInjector &injector, const ApiRequest &request, const QJsonObject &body);
    HttpReply uploads(const ApiRequest &request);
    HttpReply tokens(const QString &action, const QJsonObject &body);
    HttpReply state() const;
    // GET/POST /__sandbox/webhooks/signing: which app secret signs deliveries ("meta" by default).
    HttpReply webhookSigning(bool set, const QString &choice);

    SandboxState &m_state;
    OAuthApi &m_oauth;
    CustomerEvents &m_events;
    CustomerSimulator &m_simulator;
};

} // namespace inlet::sandbox
