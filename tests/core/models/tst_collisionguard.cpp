// The collision guard's check (team mode): another agent's reply since the conversation was
// opened, a reply from the Instagram app, an agent typing; never this agent's own replies, older
// ones, notes or the customer's messages.
#include "models/collisionguard.h"

#include <QTest>

using namespace inlet;

namespace {
MessageRow row(qint64 at, bool outgoing, const QString &sentBy = {}, bool elsewhere = false)
{
    MessageRow m;
    m.createdMs = at;
    m.outgoing = outgoing;
    m.sentBy = sentBy;
    m.sentElsewhere = elsewhere;
    return m;
}
} // namespace

class TestCollisionGuard : public QObject {
    Q_OBJECT
private slots:
    void warnsOfOthersOnly()
    {
        const QString me = QStringLiteral("ana");
        QList<MessageRow> rows { row(100, false), row(200, true, QStringLiteral("ben")),
            row(1000, false), row(1100, true, me) };
        auto w = collision::beforeSending(rows, 500, me, {});
        QVERIFY(!w.any()); // ben's reply came before it was opened, the rest is mine or theirs

        MessageRow note = row(1200, false, QStringLiteral("ben"));
        note.kind = MessageRow::Kind::Note;
        rows << note;
        QVERIFY(!collision::beforeSending(rows, 500, me, {}).any());

        rows << row(1300, true, QStringLiteral("ben")) << row(1400, true, QStringLiteral("ben"));
        w = collision::beforeSending(rows, 500, me, {});
        QCOMPARE(w.repliedBy, QStringList { QStringLiteral("ben") });
        QVERIFY(!w.repliedFromPhone);

        rows << row(1500, true, QString(), true);
        w = collision::beforeSending(rows, 500, me, { QStringLiteral("cy"), me });
        QVERIFY(w.repliedFromPhone);
        QCOMPARE(w.typing, QStringList { QStringLiteral("cy") });
        QVERIFY(w.any());
        QVERIFY(collision::beforeSending({}, 0, me, { QStringLiteral("cy") }).any());
    }
};

QTEST_GUILESS_MAIN(TestCollisionGuard)
#include "tst_collisionguard.moc"
