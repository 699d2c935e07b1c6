// Profile pictures are customer content: a download is cut off at its byte cap while reading.
#include "app/shell/avatarloader.h"
#include "support/endlessserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace inlet;
using namespace inlet::app;

class TestAvatarLoader : public QObject {
    Q_OBJECT
private slots:
    void endlessBodyIsCutOff()
    {
        test::EndlessServer server;
        QNetworkAccessManager network;
        AvatarLoader loader(&network);
        QSignalSpy failed(&loader, &AvatarLoader::avatarFailed);
        loader.request(QStringLiteral("k"), server.url(QStringLiteral("/avatar.png")));
        QVERIFY(failed.wait(30'000));
        QVERIFY(!loader.hasPicture(QStringLiteral("k")));
        QVERIFY2(server.sent() < 30'000'000, qPrintable(QString::number(server.sent())));
    }
};

QTEST_MAIN(TestAvatarLoader)
#include "tst_avatarloader.moc"
