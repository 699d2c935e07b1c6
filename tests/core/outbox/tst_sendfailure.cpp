#include "outbox/sendfailure.h"

#include <QTest>

using namespace inlet;

class TestSendFailure : public QObject {
    Q_OBJECT
private slots:
    void roundTripKeepsKindsAndCodes()
    {
        const SendFailure failure { SendFailure::Stage::Send,
            Error::make(Error::Kind::Graph, QStringLiteral("(#10) outside"), 10, 2534022, 400), 3 };
        const QString stored = failure.encode();
        QVERIFY(!stored.contains(QStringLiteral("messaging window"))); // no sentence of ours
        const SendFailure back = SendFailure::decode(stored);
        QCOMPARE(back.stage, failure.stage);
        QCOMPARE(back.error, failure.error);
        QCOMPARE(back.attempts, 3);
        QCOMPARE(back.reason(), SendFailure::Reason::OutsideWindow);
    }

    // The media host's failure keeps the core's reason and its parameters for the app to word.
    void roundTripKeepsTheCoresReason()
    {
        Error stalled = Error::because(Error::Kind::Network, Error::Reason::UploadStalled,
            QStringLiteral("The media host stopped answering."), { QStringLiteral("30") });
        const SendFailure back
            = SendFailure::decode(SendFailure { SendFailure::Stage::Upload, stalled }.encode());
        QCOMPARE(back.error, stalled);
        // A reason this version does not know (a newer one's) reads as none.
        QString stored = SendFailure { SendFailure::Stage::Upload, stalled }.encode();
        stored.replace(QStringLiteral("\"reason\":%1").arg(int(Error::Reason::UploadStalled)),
            QStringLiteral("\"reason\":9999"));
        QCOMPARE(SendFailure::decode(stored).error.reason, Error::Reason::None);
    }

    void reasons_data()
    {
        QTest::addColumn<int>("stage");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("subcode");
        QTest::addColumn<int>("reason");
        using S = SendFailure::Stage;
        using K = Error::Kind;
        using R = SendFailure::Reason;
        QTest::newRow("window") << int(S::Send) << int(K::Graph) << 10 << 2018278
                                << int(R::OutsideWindow);
        QTest::newRow("551") << int(S::Send) << int(K::Graph) << 551 << 0
                             << int(R::UserUnavailable);
        QTest::newRow("190") << int(S::Send) << int(K::Graph) << 190 << 0 << int(R::SignInNeeded);
        QTest::newRow("613") << int(S::Send) << int(K::Graph) << 613 << 0 << int(R::RateLimited);
        QTest::newRow("offline") << int(S::Send) << int(K::Network) << 0 << 0
                                 << int(R::Unreachable);
        QTest::newRow("keyring") << int(S::Send) << int(K::Keychain) << 0 << 0
                                 << int(R::KeychainLocked);
        QTest::newRow("100") << int(S::Send) << int(K::Graph) << 100 << 0 << int(R::Refused);
        QTest::newRow("host 403") << int(S::Upload) << int(K::Http) << 0 << 0 << int(R::MediaHost);
        QTest::newRow("host down")
            << int(S::Upload) << int(K::Network) << 0 << 0 << int(R::Unreachable);
        QTest::newRow("file gone") << int(S::File) << int(K::Invalid) << 0 << 0 << int(R::File);
        QTest::newRow("disk") << int(S::Send) << int(K::Storage) << 0 << 0 << int(R::Other);
    }

    void reasons()
    {
        QFETCH(int, stage);
        QFETCH(int, kind);
        QFETCH(int, code);
        QFETCH(int, subcode);
        QFETCH(int, reason);
        const SendFailure f { SendFailure::Stage(stage),
            Error::make(Error::Kind(kind), QStringLiteral("x"), code, subcode, 400) };
        QCOMPARE(int(f.reason()), reason);
        QCOMPARE(int(SendFailure::decode(f.encode()).reason()), reason);
    }

    // A sentence stored by an older version, or anything else: shown as is, never misread.
    void legacyAndHostileTextsDecodeAsOther()
    {
        const SendFailure legacy
            = SendFailure::decode(QStringLiteral("Outside the messaging window"));
        QCOMPARE(legacy.reason(), SendFailure::Reason::Other);
        QCOMPARE(legacy.error.message, QStringLiteral("Outside the messaging window"));
        const SendFailure hostile = SendFailure::decode(
            QStringLiteral(R"({"v":1,"stage":99,"kind":-5,"attempts":-3,"message":"m"})"));
        QCOMPARE(hostile.stage, SendFailure::Stage::File);
        QCOMPARE(hostile.error.kind, Error::Kind::Invalid);
        QCOMPARE(hostile.attempts, 0);
        QCOMPARE(SendFailure::decode(QString()).reason(), SendFailure::Reason::Other);
    }
};

QTEST_GUILESS_MAIN(TestSendFailure)
#include "tst_sendfailure.moc"
