// ProfileCache: once per contact, refreshed after a day, refused profiles asked again later.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "sync/profilecache.h"
#include "sync/requestpacer.h"
#include "sync/syncports.h"

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
        return ready(Result<QJsonObject>(QJsonObject{{QStringLiteral("name"), QStringLiteral("Name ") + igsid},
                                                     {QStringLiteral("username"), QStringLiteral("user") + igsid}}));
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
};

QTEST_GUILESS_MAIN(TestProfileCache)
#include "tst_profilecache.moc"
