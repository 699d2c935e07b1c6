// File > Webhooks: shows the callback URL and verify token, asks to subscribe with the public URL
// (only a valid https one), switches polling, and reports the subscription's outcome.
#include "app/settings/webhooksdialog.h"
#include "common/result.h"
#include "service/appconfig.h"
#include "service/webhookcontrol.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using namespace inlet::app;

class TestWebhooksDialog : public QObject {
    Q_OBJECT
private slots:
    void showsCallbackAndToken();
    void subscribesWithPublicUrl();
    void rejectsNonHttpsUrl();
    void pollingDisablesSubscribe();
    void notRunningCannotSubscribe();
    void reportsOutcome();
    void appLevelStepAndAccountsAreReportedApart();
    void opensOnTheWebhookControlAlone();
};

namespace {
const QUrl kCallback(QStringLiteral("http://127.0.0.1:8123/webhook"));
const QString kToken = QStringLiteral("0123456789abcdef0123456789abcdef");

// The dialog's whole view of the core: a WebhookControl that records what it is asked.
class RecordingWebhooks : public WebhookControl {
public:
    QUrl webhookUrl() const override { return url; }
    QString verifyToken() const override { return kToken; }
    bool pollingMode() const override { return polling; }
    void subscribeWebhooks(const QUrl &publicUrl) override { subscribed.append(publicUrl); }
    void setPollingMode(bool enabled, int) override { polling = enabled; }

    QUrl url;
    bool polling = false;
    QList<QUrl> subscribed;
};
}

void TestWebhooksDialog::showsCallbackAndToken()
{
    WebhooksDialog dialog(kCallback, kToken, false);
    QCOMPARE(dialog.callbackLabel()->text(), kCallback.toString());
    QCOMPARE(dialog.verifyTokenLabel()->text(), kToken);
    QVERIFY(!dialog.pollingMode());
    QVERIFY(dialog.subscribeButton()->isEnabled()); // empty public URL = the callback itself
}

void TestWebhooksDialog::subscribesWithPublicUrl()
{
    WebhooksDialog dialog(kCallback, kToken, false);
    QSignalSpy subscribe(&dialog, &WebhooksDialog::subscribeRequested);
    dialog.publicUrlEdit()->setText(QStringLiteral("  https://shop.example.net/hook "));
    QVERIFY(dialog.subscribeButton()->isEnabled());
    QTest::mouseClick(dialog.subscribeButton(), Qt::LeftButton);
    QCOMPARE(subscribe.count(), 1);
    QCOMPARE(subscribe.at(0).at(0).toUrl(), QUrl(QStringLiteral("https://shop.example.net/hook")));
    QVERIFY(!dialog.resultText().isEmpty());
}

void TestWebhooksDialog::rejectsNonHttpsUrl()
{
    WebhooksDialog dialog(kCallback, kToken, false);
    dialog.publicUrlEdit()->setText(QStringLiteral("http://shop.example.net/hook"));
    QVERIFY(!dialog.subscribeButton()->isEnabled());
    dialog.publicUrlEdit()->setText(QStringLiteral("not a url"));
    QVERIFY(!dialog.subscribeButton()->isEnabled());
    dialog.publicUrlEdit()->setText(QStringLiteral("https://ok.example.net"));
    QVERIFY(dialog.subscribeButton()->isEnabled());
}

void TestWebhooksDialog::pollingDisablesSubscribe()
{
    WebhooksDialog dialog(kCallback, kToken, false);
    QSignalSpy polling(&dialog, &WebhooksDialog::pollingModeChanged);
    dialog.pollingCheckBox()->click();
    QCOMPARE(polling.count(), 1);
    QCOMPARE(polling.at(0).at(0).toBool(), true);
    QVERIFY(dialog.pollingMode());
    QVERIFY(!dialog.subscribeButton()->isEnabled());

    WebhooksDialog restored(kCallback, kToken, true);
    QVERIFY(restored.pollingCheckBox()->isChecked());
}

void TestWebhooksDialog::notRunningCannotSubscribe()
{
    WebhooksDialog dialog(QUrl(), kToken, false);
    QVERIFY(!dialog.subscribeButton()->isEnabled());
    dialog.setCallbackUrl(kCallback); // webhookStarted later
    QVERIFY(dialog.subscribeButton()->isEnabled());
}

void TestWebhooksDialog::reportsOutcome()
{
    WebhooksDialog dialog(kCallback, kToken, false);
    dialog.showSubscribed(QStringLiteral("a1"));
    dialog.showSubscribed(QStringLiteral("a2"));
    dialog.showSubscribed(QStringLiteral("a1"));
    QVERIFY2(dialog.resultText().contains(QLatin1String("2")), qPrintable(dialog.resultText()));
    const Error error
        = Error::make(Error::Kind::Graph, QStringLiteral("callback verification failed"));
    dialog.showSubscriptionFailed(QStringLiteral("a1"), error);
    QVERIFY(dialog.resultText().contains(QLatin1String("callback verification failed")));
}

// Without the Meta app pair the app-level step is the manager's to do in Meta's dashboard; the
// accounts' own subscription is reported beside it, not hidden by it.
void TestWebhooksDialog::appLevelStepAndAccountsAreReportedApart()
{
    WebhooksDialog dialog(kCallback, kToken, false);
    dialog.showAppSubscriptionFailed(Error::make(Error::Kind::Invalid,
        QStringLiteral("no Meta App ID"), WebhookControl::AppSubscriptionInDashboard));
    dialog.showSubscribed(QStringLiteral("a1"));
    QVERIFY2(dialog.resultText().contains(QLatin1String("Meta's dashboard")),
        qPrintable(dialog.resultText()));
    QVERIFY2(dialog.resultText().contains(QLatin1String("Subscribed: 1 account")),
        qPrintable(dialog.resultText()));

    Error graph = Error::make(
        Error::Kind::Graph, QStringLiteral("(#2200) Callback verification failed"), 2200);
    dialog.showAppSubscriptionFailed(graph);
    QVERIFY(dialog.resultText().contains(QLatin1String("Callback verification failed")));
    QVERIFY(dialog.resultText().contains(QLatin1String("Subscribed: 1 account")));

    dialog.showAppSubscribed();
    QVERIFY(!dialog.resultText().contains(QLatin1String("failed")));
    QVERIFY(dialog.resultText().contains(QLatin1String("Subscribed: 1 account")));
}

// File > Webhooks needs only the WebhookControl interface of the core (and the profile's settings).
void TestWebhooksDialog::opensOnTheWebhookControlAlone()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("inlet.ini")), QSettings::IniFormat);
    RecordingWebhooks webhooks;
    WebhooksDialog *dialog = openWebhooksDialog(&webhooks, &settings, nullptr);
    QVERIFY(!dialog->subscribeButton()->isEnabled()); // no webhook server yet
    QCOMPARE(dialog->verifyTokenLabel()->text(), kToken);

    emit webhooks.webhookStarted(kCallback); // the server came up while the dialog was open
    QCOMPARE(dialog->callbackLabel()->text(), kCallback.toString());
    dialog->publicUrlEdit()->setText(QStringLiteral("https://shop.example.net/hook"));
    QTest::mouseClick(dialog->subscribeButton(), Qt::LeftButton);
    QCOMPARE(
        webhooks.subscribed, QList<QUrl> { QUrl(QStringLiteral("https://shop.example.net/hook")) });
    QCOMPARE(settings.value(QStringLiteral("webhook/publicUrl")).toString(),
        QStringLiteral("https://shop.example.net/hook"));
    emit webhooks.webhooksSubscribed(QStringLiteral("a1"));
    QVERIFY2(dialog->resultText().contains(QLatin1String("Subscribed: 1 account")),
        qPrintable(dialog->resultText()));

    dialog->pollingCheckBox()->click();
    QVERIFY(webhooks.polling);
    QVERIFY(settings.value(kWebhookPollingKey).toBool());
    delete dialog;
}

QTEST_MAIN(TestWebhooksDialog)
#include "tst_webhooksdialog.moc"
