#include "app/login/chromiumsandbox.h"

#include <QTest>

using namespace inlet::app;

// Issue 10: who gets Chromium's sandbox. Root cannot (Chromium refuses to start), so Inlet turns
// it off for root only; a normal user keeps it; what the environment already says is left alone.
// (tst_rootdemo runs the real app as root without any of these variables.)
class TestChromiumSandbox : public QObject {
    Q_OBJECT
private slots:
    void decision()
    {
        QCOMPARE(chromiumSandboxFor(false, {}, {}), ChromiumSandbox::On);
        QCOMPARE(chromiumSandboxFor(true, {}, {}), ChromiumSandbox::OffAsRoot);
        QCOMPARE(chromiumSandboxFor(true, "1", {}), ChromiumSandbox::OffAlready);
        QCOMPARE(chromiumSandboxFor(false, "1", {}), ChromiumSandbox::OffAlready);
        QCOMPARE(chromiumSandboxFor(true, {}, "--disable-gpu  --no-sandbox"),
            ChromiumSandbox::OffAlready);
        // Other flags, or a flag that only looks alike, do not switch it off.
        QCOMPARE(
            chromiumSandboxFor(false, {}, "--disable-gpu --no-sandboxing"), ChromiumSandbox::On);
        QCOMPARE(chromiumSandboxFor(true, {}, "--disable-gpu"), ChromiumSandbox::OffAsRoot);
        // An empty variable counts as unset: root still gets a value Qt WebEngine honours.
        QCOMPARE(chromiumSandboxFor(true, "", {}), ChromiumSandbox::OffAsRoot);
    }

    void appliedToThisProcess()
    {
        // This test runs without QTWEBENGINE_DISABLE_SANDBOX (ctest sets none any more).
        const bool wasSet = !qgetenv("QTWEBENGINE_DISABLE_SANDBOX").isEmpty();
        const ChromiumSandbox decided = prepareChromiumSandbox();
        QCOMPARE(prepareChromiumSandbox(), decided); // decided once
        if (wasSet) {
            QCOMPARE(decided, ChromiumSandbox::OffAlready);
        } else if (runsAsRoot()) {
            QCOMPARE(decided, ChromiumSandbox::OffAsRoot);
            QCOMPARE(qgetenv("QTWEBENGINE_DISABLE_SANDBOX"), QByteArray("1"));
        } else {
            QCOMPARE(decided, ChromiumSandbox::On);
            QVERIFY(qgetenv("QTWEBENGINE_DISABLE_SANDBOX").isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestChromiumSandbox)
#include "tst_chromiumsandbox.moc"
