#include "webhook/signatureverifier.h"

#include <QMessageAuthenticationCode>
#include <QTest>

using namespace inlet;

class TestSignatureVerifier : public QObject {
    Q_OBJECT
private:
    const QByteArray m_secret = QByteArrayLiteral("app-secret-0123456789");
    const QByteArray m_body = QByteArrayLiteral(R"({"object":"instagram","entry":[]})");

private slots:
    void knownVector()
    {
        // RFC 4231 test case 2.
        QCOMPARE(SignatureVerifier::sign("what do ya want for nothing?", "Jefe"),
                 QByteArrayLiteral("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    void goodSignature()
    {
        SignatureVerifier v({m_secret});
        QVERIFY(v.verify(m_body, SignatureVerifier::sign(m_body, m_secret)).has_value());
        // Uppercase hex is the same signature.
        QByteArray upper = SignatureVerifier::sign(m_body, m_secret);
        upper = "sha256=" + upper.mid(7).toUpper();
        QVERIFY(v.verify(m_body, upper).has_value());
    }

    void eitherSecretIsAccepted()
    {
        SignatureVerifier v({m_secret, QByteArrayLiteral("meta-app-secret")});
        QVERIFY(v.verify(m_body, SignatureVerifier::sign(m_body, "meta-app-secret")).has_value());
        QVERIFY(v.verify(m_body, SignatureVerifier::sign(m_body, m_secret)).has_value());
        QVERIFY(!v.verify(m_body, SignatureVerifier::sign(m_body, "other")).has_value());
    }

    // The index of the secret that matched, in the caller's numbering; an empty (not given)
    // secret never matches and keeps its place.
    void matchingSecretSaysWhichOne()
    {
        const QByteArray meta = QByteArrayLiteral("meta-app-secret");
        SignatureVerifier both({ m_secret, meta });
        QCOMPARE(
            both.matchingSecret(m_body, SignatureVerifier::sign(m_body, m_secret)).value_or(-1), 0);
        QCOMPARE(
            both.matchingSecret(m_body, SignatureVerifier::sign(m_body, meta)).value_or(-1), 1);
        QVERIFY(!both.matchingSecret(m_body, SignatureVerifier::sign(m_body, "third")).has_value());

        SignatureVerifier metaOnly({ QByteArray(), meta });
        QCOMPARE(
            metaOnly.matchingSecret(m_body, SignatureVerifier::sign(m_body, meta)).value_or(-1), 1);
        QVERIFY(!metaOnly.matchingSecret(m_body, SignatureVerifier::sign(m_body, QByteArray()))
                     .has_value());

        SignatureVerifier none({ QByteArray(), QByteArray() });
        const auto refused
            = none.matchingSecret(m_body, SignatureVerifier::sign(m_body, QByteArray()));
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
    }

    void rejected_data()
    {
        QTest::addColumn<QByteArray>("header");
        const QByteArray good = SignatureVerifier::sign(m_body, m_secret);
        QByteArray flipped = good;
        flipped[flipped.size() - 1] = flipped.at(flipped.size() - 1) == '0' ? '1' : '0';
        QTest::newRow("missing") << QByteArray();
        QTest::newRow("wrong secret") << SignatureVerifier::sign(m_body, "nope");
        QTest::newRow("one digit off") << flipped;
        QTest::newRow("sha1 prefix") << QByteArray("sha1=" + good.mid(7));
        QTest::newRow("sha1 real")
            << QByteArray("sha1=" + QMessageAuthenticationCode::hash(m_body, m_secret, QCryptographicHash::Sha1).toHex());
        QTest::newRow("no prefix") << good.mid(7);
        QTest::newRow("uppercase prefix") << QByteArray("SHA256=" + good.mid(7));
        QTest::newRow("non-hex") << QByteArray("sha256=" + QByteArray(64, 'z'));
        QTest::newRow("too short") << good.left(good.size() - 2);
        QTest::newRow("too long") << QByteArray(good + "00");
        QTest::newRow("space") << QByteArray("sha256= " + good.mid(8));
        QTest::newRow("prefix only") << QByteArray("sha256=");
    }
    void rejected()
    {
        QFETCH(QByteArray, header);
        SignatureVerifier v({m_secret});
        const Status s = v.verify(m_body, header);
        QVERIFY(!s.has_value());
        QCOMPARE(s.error().kind, Error::Kind::Auth);
    }

    void bodyIsHashedAsSent()
    {
        // The escaped-unicode form and the raw UTF-8 form are different bodies.
        SignatureVerifier v({m_secret});
        const QByteArray escaped = R"({"t":"\u00e4"})";
        const QByteArray raw = "{\"t\":\"\xc3\xa4\"}";
        QVERIFY(v.verify(escaped, SignatureVerifier::sign(escaped, m_secret)).has_value());
        QVERIFY(!v.verify(raw, SignatureVerifier::sign(escaped, m_secret)).has_value());
    }

    void noSecretRejectsEverything()
    {
        SignatureVerifier v({QByteArray()});
        QVERIFY(!v.verify(m_body, SignatureVerifier::sign(m_body, QByteArray())).has_value());
    }

    void constantTimeEqualsBasics()
    {
        QVERIFY(constantTimeEquals("abc", "abc"));
        QVERIFY(!constantTimeEquals("abc", "abd"));
        QVERIFY(!constantTimeEquals("abc", "abcd"));
        QVERIFY(constantTimeEquals(QByteArray(), QByteArray()));
    }
};

QTEST_GUILESS_MAIN(TestSignatureVerifier)
#include "tst_signatureverifier.moc"
