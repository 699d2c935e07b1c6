// Issue 10: the contact panel names a customer without a readable profile (no more "Unknown
// customer"): their @username when known, else "Instagram user ·" and their scoped id's last
// four digits, through the app's translated wording.
#include "app/inbox/contactnametext.h"
#include "app/inbox/contactpanel.h"
#include "app/inbox/imagecache.h"

#include <QLabel>
#include <QTest>

using namespace inlet;
using namespace inlet::app;

class TestContactPanel : public QObject {
    Q_OBJECT
private:
    static ConversationRow row(const QString &name, const QString &username)
    {
        ConversationRow r;
        r.id = 1;
        r.accountId = QStringLiteral("17841400000000001");
        r.customerId = QStringLiteral("6123456789014821");
        r.name = name;
        r.username = username;
        return r;
    }

    static QStringList labels(const ContactPanel &panel)
    {
        QStringList out;
        for (const QLabel *label : panel.findChildren<QLabel *>())
            out.append(label->text());
        return out;
    }

private slots:
    void namesEveryCustomer()
    {
        ImageCache images;
        ContactPanel panel(&images);

        panel.setConversation(row({}, {}), QStringLiteral("shop"));
        QVERIFY2(labels(panel).contains(QStringLiteral("Instagram user ·4821")),
            qPrintable(labels(panel).join(u'|')));
        QVERIFY(!labels(panel).contains(QStringLiteral("Unknown customer")));

        panel.setConversation(row({}, QStringLiteral("ana.b")), QStringLiteral("shop"));
        QCOMPARE(labels(panel).count(QStringLiteral("@ana.b")), 1); // the name, not twice

        panel.setConversation(
            row(QStringLiteral("Ana Bel"), QStringLiteral("ana.b")), QStringLiteral("shop"));
        QVERIFY(labels(panel).contains(QStringLiteral("Ana Bel")));
        QVERIFY(labels(panel).contains(QStringLiteral("@ana.b")));
    }

    void wordingIsTheAppsForEveryKind()
    {
        QCOMPARE(contactNameText(
                     QStringLiteral("Ana"), QStringLiteral("ana.b"), QStringLiteral("61234")),
            QStringLiteral("Ana"));
        QCOMPARE(contactNameText({}, QStringLiteral("ana.b"), QStringLiteral("61234")),
            QStringLiteral("@ana.b"));
        QCOMPARE(contactNameText({}, {}, QStringLiteral("61234")),
            QStringLiteral("Instagram user ·1234"));
        QCOMPARE(contactNameText({}, {}, {}), QStringLiteral("Instagram user"));
    }
};

QTEST_MAIN(TestContactPanel)
#include "tst_contactpanel.moc"
