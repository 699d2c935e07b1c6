#include "models/collisionguard.h"

namespace inlet::collision {

Warning beforeSending(const QList<MessageRow> &rows, qint64 openedAtMs, const QString &me,
    const QStringList &othersTyping)
{
    Warning w;
    for (const MessageRow &m : rows) {
        if (!m.outgoing || m.createdMs < openedAtMs || m.kind == MessageRow::Kind::Note)
            continue;
        if (!m.sentBy.isEmpty()) {
            if (m.sentBy != me && !w.repliedBy.contains(m.sentBy))
                w.repliedBy.append(m.sentBy);
        } else if (m.sentElsewhere) {
            w.repliedFromPhone = true;
        }
    }
    for (const QString &role : othersTyping)
        if (role != me && !w.typing.contains(role))
            w.typing.append(role);
    return w;
}

} // namespace inlet::collision
