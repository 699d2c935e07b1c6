#include "sandbox/faultinjector.h"

namespace inlet::sandbox {

namespace {

// The message Graph gives with each code the tests inject.
QString messageForCode(int code, int subcode)
{
    switch (code) {
    case 1: return QStringLiteral("An unknown error occurred");
    case 2: return QStringLiteral("An unexpected error has occurred. Please retry your request later.");
    case 4: return QStringLiteral("(#4) Application request limit reached");
    case 17: return QStringLiteral("(#17) User request limit reached");
    case 32: return QStringLiteral("(#32) Page request limit reached");
    case 613: return QStringLiteral("(#613) Calls to this api have exceeded the rate limit.");
    case 190:
        return subcode == 463
            ? QStringLiteral("Error validating access token: Session has expired.")
            : QStringLiteral("Error validating access token: The session has been invalidated.");
    case 10:
        return subcode == 2534022
            ? QStringLiteral("(#10) This message is sent outside of allowed window.")
            : QStringLiteral("(#10) Application does not have permission for this action");
    case 551: return QStringLiteral("(#551) This person isn't available right now.");
    case 100: return QStringLiteral("(#100) Invalid parameter");
    default: return QStringLiteral("(#%1) Injected error").arg(code);
    }
}

} // namespace

QString FaultInjector::add(const QJsonObject &spec)
{
    Fault fault;
    const int count = spec.value(QStringLiteral("count")).toInt(1);
    if (count < 1)
        return QStringLiteral("count must be at least 1");
    fault.remaining = count;
    if (spec.contains(QStringLiteral("drop"))) {
        fault.kind = Kind::Drop;
        fault.remaining = spec.value(QStringLiteral("drop")).toInt(0);
        if (fault.remaining < 1)
            return QStringLiteral("drop must be at least 1");
    } else if (spec.contains(QStringLiteral("graph_code"))) {
        fault.kind = Kind::GraphError;
        fault.graphCode = spec.value(QStringLiteral("graph_code")).toInt();
        fault.graphSubcode = spec.value(QStringLiteral("graph_subcode")).toInt();
        fault.httpStatus = spec.value(QStringLiteral("http_status")).toInt(fault.graphCode == 2 ? 503 : 400);
        if (fault.graphCode <= 0)
            return QStringLiteral("graph_code must be positive");
    } else if (spec.contains(QStringLiteral("latency_ms"))) {
        fault.kind = Kind::Latency;
        fault.latencyMs = spec.value(QStringLiteral("latency_ms")).toInt();
        fault.remaining = spec.contains(QStringLiteral("count")) ? count : -1;
        if (fault.latencyMs < 0 || fault.latencyMs > 120000)
            return QStringLiteral("latency_ms must be between 0 and 120000");
    } else if (spec.contains(QStringLiteral("redirect_port"))) {
        fault.kind = Kind::Redirect;
        fault.redirectPort = spec.value(QStringLiteral("redirect_port")).toInt();
        fault.httpStatus = spec.value(QStringLiteral("http_status")).toInt(307);
        if (fault.redirectPort < 1 || fault.redirectPort > 65535)
            return QStringLiteral("redirect_port must be a port number");
        if (!QList<int> { 301, 302, 303, 307, 308 }.contains(fault.httpStatus))
            return QStringLiteral("a redirect's http_status must be 301, 302, 303, 307 or 308");
    } else if (spec.contains(QStringLiteral("http_status"))) {
        fault.kind = Kind::HttpStatus;
        fault.httpStatus = spec.value(QStringLiteral("http_status")).toInt();
        if (fault.httpStatus < 400 || fault.httpStatus > 599)
            return QStringLiteral("http_status must be between 400 and 599");
    } else {
        return QStringLiteral(
            "expected one of http_status, graph_code, latency_ms, drop, redirect_port");
    }
    m_faults.append(fault);
    return {};
}

int FaultInjector::pending() const
{
    int n = 0;
    for (const Fault &f : m_faults)
        n += f.remaining < 0 ? 1 : f.remaining;
    return n;
}

FaultInjector::Decision FaultInjector::next()
{
    Decision decision;
    bool errorTaken = false;
    for (auto it = m_faults.begin(); it != m_faults.end();) {
        Fault &f = *it;
        bool used = false;
        if (f.kind == Kind::Latency) {
            decision.latencyMs += f.latencyMs;
            used = true;
        } else if (!errorTaken) {
            errorTaken = true;
            used = true;
            if (f.kind == Kind::Drop) {
                decision.reply = HttpReply::dropped();
            } else if (f.kind == Kind::Redirect) {
                HttpReply redirect;
                redirect.status = f.httpStatus;
                redirect.contentType = "text/plain";
                decision.reply = redirect;
                decision.redirectPort = f.redirectPort;
            } else if (f.kind == Kind::GraphError) {
                decision.reply = HttpReply::graphError(f.graphCode, messageForCode(f.graphCode, f.graphSubcode),
                                                       f.graphSubcode, QStringLiteral("OAuthException"),
                                                       f.httpStatus);
            } else {
                // A 5xx from Graph still carries an envelope (code 2: temporary).
                const int code = f.httpStatus >= 500 ? 2 : 1;
                decision.reply = HttpReply::graphError(code, messageForCode(code, 0), 0,
                                                       QStringLiteral("OAuthException"), f.httpStatus);
            }
        }
        if (used && f.remaining > 0 && --f.remaining == 0)
            it = m_faults.erase(it);
        else
            ++it;
    }
    return decision;
}

} // namespace inlet::sandbox
