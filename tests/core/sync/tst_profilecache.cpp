// ProfileCache: once per contact, refreshed after a day, refused profiles asked again later.
#include "support/bombimage.h"
#include "support/endlessserver.h"
#include "support/recordingserver.h"
#include "sync/profilecache.h"
#include "sync/requestpacer.h"
#include "sync/syncports.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;

namespace {

template <typename T>
QFuture<T> ready(T value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}

struct FakeProfiles : SyncSource {
    int profileCalls = 0;
    bool refuse = false;
    QString profilePic;
    QFuture<Result<QJsonObject>> conversations(const QString &, int) override { return ready(Result<QJsonObject>()); }
    QFuture<Result<QJsonObject>> conversationMessages(const QString &, const QString &) override { return ready(Result<QJsonObject>()); }
    QFuture<Result<QJsonObject>> message(const QString &) override { return ready(Result<QJsonObject>()); }
    QFuture<Result<QJsonObject>> userProfile(const QString &igsid) override
    {
        ++profileCalls;
        if (refuse) {
            return ready(Result<QJsonObject>(std::unexpected(Error::make(
                Error::Kind::Graph, QStringLiteral("User consent is required to access user profile"), 230, 0, 400))));
        }
        QJsonObject profile { { QStringLiteral("name"), QStringLiteral("Name ") + igsid },
            { QStringLiteral("username"), QStringLiteral("user") + igsid } };
        if (!profilePic.isEmpty())
            profile.insert(QStringLiteral("profile_pic"), profilePic);
        return ready(Result<QJsonObject>(profile));
    }
};

struct ContactStore : SyncTarget {
    QHash<QString, Contact> contacts;
    QFuture<Status> applyEvents(const QList<InboundEvent> &) override { return ready(Status{}); }
    QFuture<Result<QSet<QString>>> knownMids(const QString &, const QStringList &) override
    {
        return ready(Result<QSet<QString>>(QSet<QString>()));
    }
    QFuture<Status> upsertContact(const QString &, const Contact &c) override
    {
        contacts.insert(c.id, c);
        return ready(Status{});
    }
    QFuture<Result<std::optional<QDateTime>>> contactFetchedAt(const QString &, const QString &igsid) override
    {
        std::optional<QDateTime> at;
        if (contacts.contains(igsid)) {
            at = contacts.value(igsid).fetchedAt;
        }
        return ready(Result<std::optional<QDateTime>>(at));
    }
};

} // namespace

class TestProfileCache : public QObject
{
    Q_OBJECT
private slots:
    // A file name is built from the customer id: only digits (Instagram's scoped ids) are taken.
    void idThatIsNotDigitsNamesNoFile()
    {
        QTemporaryDir dir;
        FakeProfiles source;
        ContactStore store;
        RequestPacer pacer(0);
        ProfileCache cache(QStringLiteral("biz"), &source, &store, &pacer, dir.path());
        for (const QString &id : {QStringLiteral("../../.bashrc"), QStringLiteral("12/34"),
                                  QStringLiteral("1a"), QStringLiteral("..")}) {
            QVERIFY(cache.avatarPath(id).isEmpty());
            cache.ensure(id);
            cache.refresh(id);
        }
        QTest::qWait(20);
        QCOMPARE(cache.inFlight(), 0);
        QCOMPARE(source.profileCalls, 0);
        QCOMPARE(cache.avatarPath(QStringLiteral("6000000000042")),
                 dir.path() + QStringLiteral("/avatars/6000000000042"));
    }

    void fetchedOnceThenRefreshedAfterADay()
    {
        QTemporaryDir dir;
        FakeProfiles source;
        ContactStore store;
        RequestPacer pacer(0);
        ProfileCache cache(QStringLiteral("biz"), &source, &store, &pacer, dir.path());
        QDateTime now = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
        cache.setClock([&now] { return now; });
        QSignalSpy updated(&cache, &ProfileCache::contactUpdated);

        cache.ensure(QStringLiteral("1"));
        cache.ensure(QStringLiteral("1")); // already under way
        QTRY_COMPARE(updated.size(), 1);
        QCOMPARE(source.profileCalls, 1);
        QCOMPARE(store.contacts.value(QStringLiteral("1")).username, QStringLiteral("user1"));
        QCOMPARE(store.contacts.value(QStringLiteral("1")).fetchedAt, now);

        now = now.addSecs(23 * 3600);
        cache.ensure(QStringLiteral("1"));
        QTest::qWait(20);
        QCOMPARE(source.profileCalls, 1);

        now = now.addSecs(2 * 3600); // older than a day
        cache.ensure(QStringLiteral("1"));
        QTRY_COMPARE(updated.size(), 2);
        QCOMPARE(source.profileCalls, 2);

        // A fresh cache (new app run) trusts what the store says.
        ProfileCache again(QStringLiteral("biz"), &source, &store, &pacer, dir.path());
        again.setClock([&now] { return now; });
        again.ensure(QStringLiteral("1"));
        QTRY_COMPARE(again.inFlight(), 0);
        QCOMPARE(source.profileCalls, 2);
        QCOMPARE(again.avatarPath(QStringLiteral("1")), dir.path() + QStringLiteral("/avatars/1"));
    }

    void refusedProfileIsAskedAgainAfterAnHour()
    {
        QTemporaryDir dir;
        FakeProfiles source;
        source.refuse = true;
        ContactStore store;
        RequestPacer pacer(0);
        ProfileCache cache(QStringLiteral("biz"), &source, &store, &pacer, dir.path());
        QDateTime now = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
        cache.setClock([&now] { return now; });
        QSignalSpy failed(&cache, &ProfileCache::fetchFailed);
        cache.ensure(QStringLiteral("2"));
        QTRY_COMPARE(failed.size(), 1);
        cache.ensure(QStringLiteral("2"));
        QTest::qWait(20);
        QCOMPARE(source.profileCalls, 1);
        now = now.addSecs(3601);
        source.refuse = false;
        QSignalSpy updated(&cache, &ProfileCache::contactUpdated);
        cache.ensure(QStringLiteral("2"));
        QTRY_COMPARE(updated.size(), 1);
        QCOMPARE(source.profileCalls, 2);
    }

    // Issue 12: the picture's URL and bytes are the customer's. An endless body is cut off while
    // reading (not buffered), nothing is stored, and the profile itself is still kept.
    void endlessPictureIsCutOffWhileReading()
    {
        test::EndlessServer server;
        const Outcome outcome = download(server.url(QStringLiteral("/pic.png")).toString());
        QVERIFY(outcome.settled);
        QVERIFY(outcome.profileStored);
        QVERIFY(!outcome.avatarStored);
        QVERIFY2(server.sent() < ProfileCache::kMaxAvatarBytes + 4 * 1024 * 1024,
            qPrintable(QString::number(server.sent())));
    }

    // A decompression bomb (a small PNG declaring 60000 x 60000 pixels) is never stored for the
    // inbox to decode; a small picture with the same code path is.
    void bombPictureIsRefusedAndASmallOneStored()
    {
        const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: ";
        test::RecordingServer bomb(
            head + QByteArray::number(test::pngBomb().size()) + "\r\n\r\n" + test::pngBomb());
        const Outcome refused = download(bomb.url(QStringLiteral("/bomb.png")).toString());
        QVERIFY(refused.settled);
        QVERIFY(refused.profileStored);
        QVERIFY(!refused.avatarStored);

        const QByteArray small = test::pngBomb(64, 64);
        test::RecordingServer fine(head + QByteArray::number(small.size()) + "\r\n\r\n" + small);
        const Outcome stored = download(fine.url(QStringLiteral("/small.png")).toString());
        QVERIFY(stored.settled);
        QVERIFY(stored.avatarStored);
    }

    // A body that never ends in time: the whole download has a deadline (the transfer timeout
    // alone only notices silence, after 30 s).
    void slowPictureEndsAtTheDeadline()
    {
        test::RecordingServer slow(
            "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 100000\r\n\r\n");
        QElapsedTimer timer;
        timer.start();
        const Outcome outcome = download(slow.url(QStringLiteral("/slow.png")).toString(), 500);
        QVERIFY(outcome.settled);
        QVERIFY(!outcome.avatarStored);
        QVERIFY2(timer.elapsed() < 10'000, qPrintable(QString::number(timer.elapsed())));
    }

    // Only https or loopback http: a file: URL is never read.
    void fileUrlIsNeverRead()
    {
        QTemporaryDir secret;
        QFile file(secret.filePath(QStringLiteral("secret.png")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(test::pngBomb(8, 8));
        file.close();
        const Outcome outcome = download(QUrl::fromLocalFile(file.fileName()).toString());
        QVERIFY(outcome.settled);
        QVERIFY(!outcome.avatarStored);
    }

private:
    struct Outcome {
        bool settled = false;
        bool profileStored = false;
        bool avatarStored = false;
    };
    static Outcome download(const QString &pictureUrl, int deadlineMs = 30'000)
    {
        QTemporaryDir dir;
        FakeProfiles source;
        source.profilePic = pictureUrl;
        ContactStore store;
        RequestPacer pacer(0);
        ProfileCache cache(QStringLiteral("biz"), &source, &store, &pacer, dir.path());
        cache.setAvatarDeadlineMs(deadlineMs);
        QSignalSpy ready(&cache, &ProfileCache::avatarReady);
        cache.ensure(QStringLiteral("3"));
        Outcome outcome;
        outcome.settled = QTest::qWaitFor([&cache] { return cache.inFlight() == 0; }, 15000);
        outcome.profileStored = store.contacts.contains(QStringLiteral("3"));
        outcome.avatarStored
            = !ready.isEmpty() || QFile::exists(cache.avatarPath(QStringLiteral("3")));
        return outcome;
    }
};

QTEST_GUILESS_MAIN(TestProfileCache)
#include "tst_profilecache.moc"
