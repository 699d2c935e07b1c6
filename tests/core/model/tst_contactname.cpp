#include "model/contactname.h"

#include <QTest>

using namespace inlet;

// The one rule that names a customer (issue 10): name, else @username, else the scoped id's
// last four digits, never an empty string.
class TestContactName : public QObject {
    Q_OBJECT
private slots:
    void nameFirst()
    {
        const ContactName n = contactName(QStringLiteral(" Ana Bel "), QStringLiteral("ana.b"),
            QStringLiteral("6123456789014821"));
        QCOMPARE(n.kind, ContactName::Kind::Name);
        QCOMPARE(n.text, QStringLiteral("Ana Bel"));
        QCOMPARE(contactNameInEnglish(n), QStringLiteral("Ana Bel"));
    }

    void usernameWithoutName()
    {
        const ContactName n = contactName(
            QStringLiteral("  "), QStringLiteral("ana.b"), QStringLiteral("6123456789014821"));
        QCOMPARE(n.kind, ContactName::Kind::Username);
        QCOMPARE(n.text, QStringLiteral("ana.b"));
        QCOMPARE(contactNameInEnglish(n), QStringLiteral("@ana.b"));
        // A username stored with its "@" is not doubled.
        QCOMPARE(contactNameInEnglish(contactName({}, QStringLiteral("@ana.b"), {})),
            QStringLiteral("@ana.b"));
    }

    void scopedIdDigitsWithoutProfile()
    {
        const ContactName n = contactName({}, {}, QStringLiteral("6123456789014821"));
        QCOMPARE(n.kind, ContactName::Kind::ScopedId);
        QCOMPARE(n.text, QStringLiteral("4821"));
        QCOMPARE(contactNameInEnglish(n), QStringLiteral("Instagram user ·4821"));
        QCOMPARE(contactNameInEnglish(contactName({}, {}, QStringLiteral("42"))),
            QStringLiteral("Instagram user ·42"));
        QCOMPARE(contactNameInEnglish(contactName({}, {}, {})), QStringLiteral("Instagram user"));
    }
};

QTEST_GUILESS_MAIN(TestContactName)
#include "tst_contactname.moc"
