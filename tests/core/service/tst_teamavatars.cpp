// Customers' pictures in team mode (issue 11) against a real PostgreSQL server, an agent's
// replica and the sandbox's picture URLs: the server's profile (its profile_pic_url in
// inlet.contacts) reaches the desktop's store through the replica, and TeamAvatars downloads the
// picture into the cache solo mode uses (<dataDir>/avatars/<igsid>), which the inbox rows then
// show; a new URL (the server fetched the profile again) is downloaded again; a desktop started
// with the picture on disk asks nothing; a URL that is neither https nor loopback is refused.
#include "models/storeinboxsource.h"
#include "service/teamavatars.h"
#include "store/readerpool.h"
#include "store/storereader.h"
#include "support/await.h"
#include "support/replicadesk.h"
#include "support/sandboxfixture.h"
#include "support/teamdb.h"
#include "sync/avatardownloader.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace inlet;
using namespace inlet::teamtest;

namespace {
const QString kPassword = QStringLiteral("agent-pw-11");
const QString kAccount = QStringLiteral("17841400000000111");
const QString kBusiness = QStringLiteral("17841400000000112");

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TstTeamAvatars : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!test::PgCluster::binDir().isEmpty(),
            "PostgreSQL is not installed: ./inlet.sh deps installs postgresql-15");
        QVERIFY(m_sandbox.start(test::quietSandbox(2, {}, kBusiness)));
        QVERIFY2(m_db.setUp(), qPrintable(m_db.error()));
        m_account = m_db.addAccount(kAccount);
        m_customer = m_sandbox.firstCustomer();
        QVERIFY(AvatarDownloader::isScopedId(m_customer));
        m_conversation = m_db.addConversation(m_account, m_customer);
        QVERIFY2(m_conversation > 0, qPrintable(m_db.error()));
        auto added = team::admin::addAgent(m_db.server, QStringLiteral("ana"), kPassword);
        QVERIFY2(added, why(added).constData());
        auto granted = team::admin::grantAccount(m_db.server, QStringLiteral("ana"), m_account);
        QVERIFY2(granted, why(granted).constData());
    }

    void pictureFromTheReplicatedUrl()
    {
        // The server's ProfileFetcher stored the profile: the sandbox's picture URL (no token).
        setPicture(avatarUrl(m_customer));
        ReplicaDesk ana;
        team::FollowerOptions options;
        options.pollIntervalMs = 200;
        QVERIFY(ana.open(m_db.agentConnection(QStringLiteral("ana"), kPassword), options));
        TeamAvatars avatars(ana.store.get(), ana.dir.path());
        QSignalSpy ready(&avatars, &TeamAvatars::avatarReady);
        avatars.start();
        ana.follower->start();
        const QString path = QDir(ana.dir.path()).filePath(QStringLiteral("avatars/") + m_customer);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 15'000);
        QCOMPARE(ready.at(0).at(0).toString(), m_customer);
        QCOMPARE(ready.at(0).at(1).toString(), path);
        const QByteArray first = contents(path);
        QVERIFY2(first.contains("<svg"), first.left(200).constData());
        // The inbox's row paints it (the same cache as solo mode's ProfileCache).
        StoreInboxSource source(
            ana.store->readers(), QDir(ana.dir.path()).filePath(QStringLiteral("avatars")));
        const qint64 id = ana.count(
            QStringLiteral("SELECT id FROM conversations WHERE customer_id = ?"), { m_customer });
        const auto stored
            = test::awaitResult(ana.store->readers()->read<std::optional<StoredConversation>>(
                [id](StoreReader &reader) { return reader.conversation(id); }));
        QVERIFY(stored && *stored);
        QCOMPARE(source.toRow(**stored).avatarPath, path);

        // The server fetched the profile again: a new URL, a new picture.
        setPicture(avatarUrl(kBusiness));
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 15'000);
        const QByteArray second = contents(path);
        QVERIFY(!second.isEmpty());
        QVERIFY(second != first);

        // The same URL again (another column of the contact changed): nothing downloaded.
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("UPDATE inlet.contacts SET name = 'Renamed' WHERE igsid = ?"),
            { m_customer }));
        QTRY_COMPARE_WITH_TIMEOUT(
            ana.column(QStringLiteral("SELECT name FROM contacts WHERE id = ?"), { m_customer }),
            QStringList { QStringLiteral("Renamed") }, 10'000);
        QTest::qWait(500);
        QCOMPARE(ready.size(), 2);
        QCOMPARE(avatars.inFlight(), 0);

        // A desktop started again with the picture on disk asks for nothing.
        TeamAvatars again(ana.store.get(), ana.dir.path());
        QSignalSpy readyAgain(&again, &TeamAvatars::avatarReady);
        again.start();
        QTest::qWait(500);
        QCOMPARE(readyAgain.size(), 0);
        QCOMPARE(again.inFlight(), 0);

        // Plain http off loopback (or any other scheme) is never fetched.
        setPicture(QStringLiteral("http://cdn.example.com/pic.jpg"));
        QTRY_COMPARE_WITH_TIMEOUT(
            ana.column(QStringLiteral("SELECT profile_pic_url FROM contacts WHERE id = ?"),
                { m_customer }),
            QStringList { QStringLiteral("http://cdn.example.com/pic.jpg") }, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(avatars.inFlight(), 0, 5000);
        QCOMPARE(ready.size(), 2);
        QCOMPARE(contents(path), second);
    }

    // A picture missing on disk (deleted, or never downloaded) is fetched at start.
    void missingPictureFetchedAtStart()
    {
        setPicture(avatarUrl(m_customer));
        ReplicaDesk ben;
        team::FollowerOptions options;
        options.pollIntervalMs = 200;
        QVERIFY(ben.open(m_db.agentConnection(QStringLiteral("ana"), kPassword), options));
        ben.follower->start();
        QTRY_COMPARE_WITH_TIMEOUT(
            ben.column(QStringLiteral("SELECT profile_pic_url FROM contacts WHERE id = ?"),
                { m_customer }),
            QStringList { avatarUrl(m_customer) }, 15'000);
        ben.follower.reset(); // nothing replicated from here on: only the start's check is left
        const QString path = QDir(ben.dir.path()).filePath(QStringLiteral("avatars/") + m_customer);
        QVERIFY(!QFile::exists(path));
        TeamAvatars avatars(ben.store.get(), ben.dir.path());
        QSignalSpy ready(&avatars, &TeamAvatars::avatarReady);
        avatars.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10'000);
        QVERIFY(contents(path).contains("<svg"));
    }

private:
    QString avatarUrl(const QString &igsid) const
    {
        return m_sandbox.base().toString(QUrl::StripTrailingSlash)
            + QStringLiteral("/__sandbox/avatars/%1.svg").arg(igsid);
    }
    void setPicture(const QString &url)
    {
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("UPDATE inlet.contacts SET profile_pic_url = ?, fetched_ms = ? "
                           "WHERE igsid = ?"),
            { url, QDateTime::currentMSecsSinceEpoch(), m_customer }));
    }

    test::TestSandbox m_sandbox;
    TeamDb m_db;
    qint64 m_account = 0;
    qint64 m_conversation = 0;
    QString m_customer;
};

QTEST_MAIN(TstTeamAvatars)
#include "tst_teamavatars.moc"
