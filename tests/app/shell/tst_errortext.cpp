#include "app/settings/webhooksdialog.h"
#include "app/shell/corebridge.h"
#include "app/shell/errortext.h"
#include "auth/tokenvault.h"
#include "service/keychainerror.h"
#include "service/triagewrites.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkReply>
#include <QSet>
#include <QTest>
#include <QTranslator>

using namespace inlet;
using inlet::app::errorText;

namespace {

// The core's log words, which must never reach the manager.
const QString kLogWords = QStringLiteral("core log words");

Error because(Error::Reason reason, QStringList args = {})
{
    return Error::because(Error::Kind::Invalid, reason, kLogWords, std::move(args));
}

// Wraps every sentence it translates in « », so a test sees which words went through tr().
class MarkingTranslator : public QTranslator {
public:
    QString translate(
        const char *context, const char *sourceText, const char *, int n) const override
    {
        if (QLatin1String(context) != QLatin1String("inlet::app::ErrorText"))
            return {};
        QString text = QString::fromUtf8(sourceText);
        if (n >= 0)
            text.replace(QLatin1String("%n"), QString::number(n));
        return QStringLiteral("«%1»").arg(text);
    }
    bool isEmpty() const override { return false; }
};

} // namespace

// The core gives reasons and codes (Error::Reason); the app words them with tr().
class TestErrorText : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void everyReasonHasItsOwnSentence()
    {
        QSet<QString> texts;
        for (int r = int(Error::Reason::Worded) + 1; r <= int(Error::lastReason); ++r) {
            const Error error = because(Error::Reason(r), { QStringLiteral("7") });
            const QString text = errorText(error);
            QVERIFY2(!text.isEmpty(), qPrintable(QString::number(r)));
            QVERIFY2(
                !text.contains(kLogWords) || !app::errorDetail(error).isEmpty(), qPrintable(text));
            texts.insert(text);
        }
        QCOMPARE(texts.size(), int(Error::lastReason) - 1);
    }

    void argumentsAreWorded()
    {
        QCOMPARE(errorText(because(Error::Reason::TextTooLong,
                     { QStringLiteral("1500"), QStringLiteral("1000") })),
            QStringLiteral("The text is too long: 1500 bytes, Instagram allows 1000."));
        QCOMPARE(errorText(because(Error::Reason::KeychainLocked,
                     { QString::number(int(KeychainItem::AppSecret)) })),
            QStringLiteral("The keyring is locked or refused access to the App Secret. Unlock "
                           "your keyring, or sign in again."));
        QCOMPARE(errorText(because(Error::Reason::ReactionNotSendable, { QStringLiteral("👍") })),
            QStringLiteral(
                "Instagram accepts only ❤️ (love) as a business's reaction, not 👍."));
        // TokenVault's own error, before anyone said which secret it was about.
        const Error locked = Error::make(Error::Kind::Keychain,
            QStringLiteral("The keyring refused access (no unlock)"), TokenVault::Locked);
        QCOMPARE(errorText(locked),
            QStringLiteral("The keyring is locked or refused access to the secret. Unlock your "
                           "keyring, or sign in again."));
        Error refused = because(Error::Reason::UploadRefused, { QStringLiteral("401") });
        refused.message = QStringLiteral("bad token");
        QCOMPARE(errorText(refused),
            QStringLiteral("The media host refused the file (HTTP 401). Check the media host's "
                           "token in Settings. (bad token)"));
    }

    // Instagram's (or the system's) own words follow as a detail; the core's stay in the log.
    void onlyOthersWordsAreShown()
    {
        const Error graph = Error::make(
            Error::Kind::Graph, QStringLiteral("(#100) Invalid parameter"), 100, 0, 400);
        QCOMPARE(errorText(graph),
            QStringLiteral("Instagram refused the request. ((#100) Invalid parameter)"));
        Error denied = Error::because(Error::Kind::Auth, Error::Reason::SignInRefused,
            QStringLiteral("The user denied your request"), { QStringLiteral("server_error") });
        QCOMPARE(errorText(denied),
            QStringLiteral("Instagram refused the sign-in (server_error). (The user denied your "
                           "request)"));
        const Error internal
            = Error::make(Error::Kind::Invalid, QStringLiteral("no conversation 42"));
        QVERIFY2(
            !errorText(internal).contains(QLatin1String("42")), qPrintable(errorText(internal)));
        QVERIFY(!errorText(internal).isEmpty());
        const Error unreadable
            = Error::make(Error::Kind::Parse, QStringLiteral("unexpected response body: garbage"));
        QCOMPARE(errorText(unreadable), QStringLiteral("Instagram's answer could not be read."));
        const Error timedOut = Error::make(Error::Kind::Network,
            QStringLiteral("the request timed out"), QNetworkReply::OperationCanceledError);
        QCOMPARE(errorText(timedOut), QStringLiteral("Instagram did not answer in time."));
        // The app's own sentences (the sign-in window's) are shown as they are.
        const Error worded = Error::because(Error::Kind::Network, Error::Reason::Worded,
            QStringLiteral("The sign-in window stopped unexpectedly. Try again."));
        QCOMPARE(errorText(worded), worded.message);
    }

    // Team mode's writes (status, labels, saved replies): the team database, not Instagram; a
    // refusal's PostgreSQL words stay in the log.
    void teamWritesAreWorded()
    {
        const Error away = Error::make(Error::Kind::Network,
            QStringLiteral("could not connect to server"), triagewrites::TeamUnreachable);
        QVERIFY2(errorText(away).startsWith(
                     QLatin1String("The team database cannot be reached; try again once")),
            qPrintable(errorText(away)));
        QVERIFY(!errorText(away).contains(QLatin1String("Instagram")));
        const Error refused = Error::make(Error::Kind::Invalid,
            QStringLiteral("new row violates row-level security policy"),
            triagewrites::TeamRefused);
        QCOMPARE(errorText(refused), QStringLiteral("The team database refused the change."));
    }

    // A change made offline that the team refused once it went (and was undone) is said with the
    // label's name or the reply's title.
    void refusedOfflineWritesAreWorded()
    {
        const QString on = app::CoreBridge::refusedWriteText(
            { { QStringLiteral("op"), QStringLiteral("setConversationLabel") },
                { QStringLiteral("name"), QStringLiteral("VIP") },
                { QStringLiteral("on"), true } });
        QVERIFY2(on.contains(QStringLiteral("“VIP”")) && on.contains(QLatin1String("taken off")),
            qPrintable(on));
        const QString reply = app::CoreBridge::refusedWriteText(
            { { QStringLiteral("op"), QStringLiteral("saveReply") },
                { QStringLiteral("title"), QStringLiteral("Thanks") } });
        QVERIFY2(reply.contains(QStringLiteral("saved reply “Thanks”")), qPrintable(reply));
        QVERIFY(app::CoreBridge::refusedWriteText({}).contains(QLatin1String("undone")));
    }

    // Every sentence goes through tr(): nothing of it is left outside the translator's marks.
    void everySentenceIsTranslatable()
    {
        MarkingTranslator marking;
        QVERIFY(QCoreApplication::installTranslator(&marking));
        for (int r = int(Error::Reason::Worded) + 1; r <= int(Error::lastReason); ++r) {
            const QString text
                = app::reasonText(because(Error::Reason(r), { QStringLiteral("1") }));
            QVERIFY2(text.startsWith(QStringLiteral("«")) && text.endsWith(QStringLiteral("»")),
                qPrintable(text));
        }
        QCoreApplication::removeTranslator(&marking);
    }

    // With the German catalogue the manager reads the errors in German, the core's reason and the
    // dialog's sentence around it.
    void wordedInGerman()
    {
        QTranslator german;
        QVERIFY(german.load(QLocale(QLocale::German, QLocale::Germany), QStringLiteral("inlet"),
            QStringLiteral("_"), QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&german));
        const QString secret = errorText(because(Error::Reason::SecretBeforeAppId));
        const QString tooLong = errorText(because(
            Error::Reason::TextTooLong, { QStringLiteral("1500"), QStringLiteral("1000") }));
        const QString reaction = errorText(because(Error::Reason::MessageUnsent));
        app::WebhooksDialog dialog(
            QUrl(QStringLiteral("https://example.com/webhook")), QStringLiteral("token"), false);
        dialog.showSubscriptionFailed(
            QString(), Error::make(Error::Kind::Network, QStringLiteral("Connection refused")));
        const QString subscription = dialog.resultText();
        QCoreApplication::removeTranslator(&german);
        QCOMPARE(secret, QStringLiteral("Trag die App-ID vor ihrem Secret ein."));
        QCOMPARE(
            tooLong, QStringLiteral("Der Text ist zu lang: 1500 Bytes, Instagram erlaubt 1000."));
        QCOMPARE(reaction, QStringLiteral("Die Nachricht wurde zurückgezogen."));
        QVERIFY2(subscription.contains(QStringLiteral("Abonnieren fehlgeschlagen: Instagram war "
                                                      "nicht erreichbar. (Connection refused)")),
            qPrintable(subscription));
    }
};

QTEST_MAIN(TestErrorText)
#include "tst_errortext.moc"
