#include "sandbox/customersimulator.h"

#include "sandbox/sandboxlogging.h"

#include <cmath>

namespace inlet::sandbox {

namespace {

const QStringList &phrases()
{
    static const QStringList list{
        QStringLiteral("Hi! Are you open on Sunday?"),
        QStringLiteral("Do you ship to Lyon?"),
        QStringLiteral("How much is the 1 kg bag of the Ethiopian roast?"),
        QStringLiteral("Thanks a lot 🙏"),
        QStringLiteral("My order hasn't arrived yet, can you check? #4521"),
        QStringLiteral("Is the oat milk option still available?"),
        QStringLiteral("Loved the flat white this morning ☕️"),
        QStringLiteral("Can I book the back room for 12 people on Friday?"),
        QStringLiteral("Do you have gift cards?"),
        QStringLiteral("ok 👍"),
        QStringLiteral("What grinder do you recommend for pour-over?"),
        QStringLiteral("Hola! ¿Tienen opciones sin gluten?"),
    };
    return list;
}

} // namespace

CustomerSimulator::CustomerSimulator(SandboxState &state, CustomerEvents &events, QObject *parent)
    : QObject(parent), m_state(state), m_events(events), m_random(state.options.seed ^ 0xC0FFEEu)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this]() {
        step();
        scheduleNext();
    });
}

void CustomerSimulator::setRate(double eventsPerMinute)
{
    m_rate = std::max(0.0, eventsPerMinute);
    m_timer.stop();
    scheduleNext();
}

void CustomerSimulator::scheduleNext()
{
    if (m_rate <= 0 || m_state.world.customers().isEmpty())
        return;
    // Exponential gaps give Poisson arrivals; clamp so a very low draw cannot spin.
    const double meanMs = 60000.0 / m_rate;
    const double u = std::max(1e-9, m_random.generateDouble());
    const double gap = std::clamp(-std::log(u) * meanMs, 20.0, 30.0 * 60000.0);
    m_timer.start(int(gap));
}

QJsonObject CustomerSimulator::pickAction()
{
    const QList<WorldCustomer> &customers = m_state.world.customers();
    const WorldCustomer &c = customers.at(m_random.bounded(int(customers.size())));
    const QString igsid = c.profile.igsid;
    const QString lastBusiness = m_state.world.latestMid(igsid, false);
    const QString lastCustomer = m_state.world.latestMid(igsid, true);
    QJsonObject spec{{QStringLiteral("customer"), igsid}};
    const int roll = m_random.bounded(100);
    QString kind = QStringLiteral("text");
    if (roll < 45) {
        kind = QStringLiteral("text");
    } else if (roll < 57 && !lastBusiness.isEmpty()) {
        kind = QStringLiteral("read");
    } else if (roll < 67 && !lastBusiness.isEmpty()) {
        kind = QStringLiteral("reaction");
        static const QStringList reactions{QStringLiteral("love"), QStringLiteral("like"), QStringLiteral("laugh"),
                                           QStringLiteral("wow")};
        spec.insert(QStringLiteral("reaction"), reactions.at(m_random.bounded(int(reactions.size()))));
    } else if (roll < 77) {
        kind = QStringLiteral("image");
    } else if (roll < 81) {
        static const QStringList media{QStringLiteral("video"), QStringLiteral("audio"), QStringLiteral("file"),
                                       QStringLiteral("reel"), QStringLiteral("share")};
        kind = media.at(m_random.bounded(int(media.size())));
    } else if (roll < 89 && !(lastBusiness.isEmpty() && lastCustomer.isEmpty())) {
        kind = QStringLiteral("reply");
        spec.insert(QStringLiteral("reply_to"), lastBusiness.isEmpty() ? lastCustomer : lastBusiness);
    } else if (roll < 95 && !lastCustomer.isEmpty()) {
        kind = QStringLiteral("edit");
        spec.insert(QStringLiteral("mid"), lastCustomer);
    } else if (roll < 97 && !lastCustomer.isEmpty()) {
        kind = QStringLiteral("unsend");
        spec.insert(QStringLiteral("mid"), lastCustomer);
    }
    if (kind == QLatin1String("text") || kind == QLatin1String("reply") || kind == QLatin1String("edit"))
        spec.insert(QStringLiteral("text"), phrases().at(m_random.bounded(int(phrases().size()))));
    spec.insert(QStringLiteral("kind"), kind);
    return spec;
}

QString CustomerSimulator::step()
{
    if (m_state.world.customers().isEmpty())
        return {};
    const QJsonObject spec = pickAction();
    const CustomerEvents::Outcome outcome = m_events.apply(spec);
    if (!outcome.error.isEmpty()) {
        qCDebug(lcSandbox) << "simulator skipped" << spec.value(QStringLiteral("kind")).toString() << outcome.error;
        return {};
    }
    ++m_actions;
    emit acted(spec.value(QStringLiteral("kind")).toString(), spec.value(QStringLiteral("customer")).toString());
    return outcome.mid;
}

} // namespace inlet::sandbox
