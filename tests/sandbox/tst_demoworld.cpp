#include "sandbox/demoworld.h"
#include "sandbox/sandboxmedia.h"

#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace inlet::sandbox;

namespace {

constexpr qint64 Now = 1767225600000; // 2026-01-01T00:00:00Z
constexpr qint64 Hour = 3600 * 1000;
constexpr qint64 Day = 24 * Hour;
const QString Base = QStringLiteral("http://127.0.0.1:4242");

bool sameCustomer(const DemoCustomer &a, const DemoCustomer &b)
{
    return a.igsid == b.igsid && a.name == b.name && a.username == b.username
        && a.followerCount == b.followerCount && a.followsBusiness == b.followsBusiness
        && a.businessFollows == b.businessFollows && a.verified == b.verified
        && a.avatarColor == b.avatarColor;
}

bool sameMessage(const DemoMessage &a, const DemoMessage &b)
{
    return a.mid == b.mid && a.customerIgsid == b.customerIgsid && a.fromCustomer == b.fromCustomer
        && a.text == b.text && a.attachments == b.attachments && a.replyToMid == b.replyToMid
        && a.timestampMs == b.timestampMs;
}

bool sameWorld(const DemoWorld &a, const DemoWorld &b)
{
    if (a.customers.size() != b.customers.size() || a.messages.size() != b.messages.size())
        return false;
    for (qsizetype i = 0; i < a.customers.size(); ++i) {
        if (!sameCustomer(a.customers[i], b.customers[i]))
            return false;
    }
    for (qsizetype i = 0; i < a.messages.size(); ++i) {
        if (!sameMessage(a.messages[i], b.messages[i]))
            return false;
    }
    return true;
}

} // namespace

class TestDemoWorld : public QObject {
    Q_OBJECT

private slots:
    void sameSeedSameWorld();
    void differentSeedDiffers();
    void customersLookReal();
    void idsAreUnique();
    void historiesVaryInLength();
    void windowAgesAreDistributed();
    void messagesAreOrderedAndConsistent();
    void attachmentsPointAtSandboxMedia();
    void smallAndEmptyWorlds();
    void avatarSvg();
    void avatarSvgEscapesAndFallsBack();
    void midsLookLikeInstagrams();
    void mediaFilesAreServed();
};

void TestDemoWorld::sameSeedSameWorld()
{
    const DemoWorld a = generateDemoWorld(1, 40, Now, Base);
    const DemoWorld b = generateDemoWorld(1, 40, Now, Base);
    QCOMPARE(a.customers.size(), 40);
    QVERIFY(sameWorld(a, b));
}

void TestDemoWorld::differentSeedDiffers()
{
    const DemoWorld a = generateDemoWorld(1, 40, Now, Base);
    const DemoWorld b = generateDemoWorld(2, 40, Now, Base);
    QVERIFY(!sameWorld(a, b));
    int sameIgsid = 0;
    for (qsizetype i = 0; i < a.customers.size(); ++i)
        sameIgsid += a.customers[i].igsid == b.customers[i].igsid;
    QCOMPARE(sameIgsid, 0);
    QVERIFY(a.messages.first().mid != b.messages.first().mid);
}

void TestDemoWorld::customersLookReal()
{
    const DemoWorld world = generateDemoWorld(1, 40, Now, Base);
    const QRegularExpression igsid(QStringLiteral("^[1-9][0-9]{15}$"));
    const QRegularExpression username(QStringLiteral("^[a-z0-9._]{1,30}$"));
    const QRegularExpression color(QStringLiteral("^#[0-9a-f]{6}$"));
    int nameless = 0;
    int nonAscii = 0;
    int following = 0;
    int bigAccounts = 0;
    QSet<QString> names;
    for (const DemoCustomer &c : world.customers) {
        QVERIFY2(igsid.match(c.igsid).hasMatch(), qPrintable(c.igsid));
        QVERIFY2(username.match(c.username).hasMatch(), qPrintable(c.username));
        QVERIFY2(color.match(c.avatarColor).hasMatch(), qPrintable(c.avatarColor));
        QVERIFY(c.followerCount > 0);
        nameless += c.name.isEmpty();
        const QByteArray utf8 = c.name.toUtf8();
        nonAscii += utf8.size() != c.name.size();
        following += c.followsBusiness;
        bigAccounts += c.followerCount >= 10000;
        names.insert(c.name);
    }
    QVERIFY(nameless >= 1 && nameless <= 2);
    QVERIFY2(nonAscii >= 5, "names with diacritics, other scripts or emoji");
    QVERIFY(following > 0 && following < 40);
    QVERIFY(bigAccounts > 0 && bigAccounts < 20);
    QVERIFY(names.size() >= 35); // varied
}

void TestDemoWorld::idsAreUnique()
{
    const DemoWorld world = generateDemoWorld(7, 60, Now, Base);
    QSet<QString> igsids;
    QSet<QString> usernames;
    for (const DemoCustomer &c : world.customers) {
        igsids.insert(c.igsid);
        usernames.insert(c.username);
    }
    QCOMPARE(igsids.size(), 60);
    QCOMPARE(usernames.size(), 60);
    QSet<QString> mids;
    for (const DemoMessage &m : world.messages)
        mids.insert(m.mid);
    QCOMPARE(mids.size(), world.messages.size());
}

void TestDemoWorld::historiesVaryInLength()
{
    const DemoWorld world = generateDemoWorld(1, 40, Now, Base);
    QHash<QString, int> lengths;
    QHash<QString, int> fromCustomer;
    for (const DemoMessage &m : world.messages) {
        ++lengths[m.customerIgsid];
        fromCustomer[m.customerIgsid] += m.fromCustomer;
    }
    QCOMPARE(lengths.size(), 40); // every customer has a thread
    int shortOnes = 0;
    int longOnes = 0;
    for (const DemoCustomer &c : world.customers) {
        const int n = lengths.value(c.igsid);
        QVERIFY(n >= 1 && n <= 450);
        QVERIFY(fromCustomer.value(c.igsid) >= 1);
        shortOnes += n <= 6;
        longOnes += n >= 200;
    }
    QVERIFY(shortOnes >= 3);
    QVERIFY(longOnes >= 2 && longOnes <= 5);
    int business = 0;
    for (const DemoMessage &m : world.messages)
        business += !m.fromCustomer;
    QVERIFY(business > world.messages.size() / 5); // both directions
}

void TestDemoWorld::windowAgesAreDistributed()
{
    const DemoWorld world = generateDemoWorld(3, 40, Now, Base);
    QHash<QString, qint64> lastCustomer;
    for (const DemoMessage &m : world.messages) {
        if (m.fromCustomer)
            lastCustomer[m.customerIgsid]
                = std::max(lastCustomer.value(m.customerIgsid), m.timestampMs);
    }
    int recent = 0;
    int days = 0;
    int old = 0;
    for (const qint64 ts : std::as_const(lastCustomer)) {
        const qint64 age = Now - ts;
        QVERIFY(age > 0);
        if (age < Day)
            ++recent;
        else if (age < 7 * Day)
            ++days;
        else
            ++old;
    }
    QCOMPARE(recent + days + old, 40);
    QCOMPARE(recent, 20);
    QCOMPARE(days, 12);
    QCOMPARE(old, 8);
}

void TestDemoWorld::messagesAreOrderedAndConsistent()
{
    const DemoWorld world = generateDemoWorld(1, 40, Now, Base);
    QSet<QString> customers;
    for (const DemoCustomer &c : world.customers)
        customers.insert(c.igsid);
    QHash<QString, QString> ownerOfMid;
    QHash<QString, bool> seenFirst;
    int replies = 0;
    for (qsizetype i = 0; i < world.messages.size(); ++i) {
        const DemoMessage &m = world.messages[i];
        if (i > 0)
            QVERIFY(world.messages[i - 1].timestampMs <= m.timestampMs);
        QVERIFY(m.timestampMs < Now);
        QVERIFY(m.timestampMs > Now - 400 * Day);
        QVERIFY(customers.contains(m.customerIgsid));
        QVERIFY(!m.text.isEmpty() || !m.attachments.isEmpty());
        if (!seenFirst.value(m.customerIgsid)) {
            QVERIFY2(m.fromCustomer, "a thread starts with the customer");
            seenFirst[m.customerIgsid] = true;
        }
        if (!m.replyToMid.isEmpty()) {
            ++replies;
            // A reply points at an earlier message of the same thread.
            QCOMPARE(ownerOfMid.value(m.replyToMid), m.customerIgsid);
        }
        ownerOfMid.insert(m.mid, m.customerIgsid);
    }
    QVERIFY(replies > 0);
}

void TestDemoWorld::attachmentsPointAtSandboxMedia()
{
    const DemoWorld world = generateDemoWorld(1, 40, Now, Base + QLatin1Char('/'));
    QSet<QString> types;
    const QString prefix = Base + QStringLiteral("/__sandbox/media/");
    for (const DemoMessage &m : world.messages) {
        for (const QJsonValue &value : m.attachments) {
            const QJsonObject attachment = value.toObject();
            types.insert(attachment[QLatin1String("type")].toString());
            const QString url
                = attachment[QLatin1String("payload")][QLatin1String("url")].toString();
            QVERIFY2(url.startsWith(prefix), qPrintable(url));
            QVERIFY2(sandboxMedia(url.mid(prefix.size())).has_value(), qPrintable(url));
        }
    }
    for (const char *type : { "image", "share", "story_mention" })
        QVERIFY2(types.contains(QString::fromLatin1(type)), type);
}

void TestDemoWorld::smallAndEmptyWorlds()
{
    QVERIFY(generateDemoWorld(1, 0, Now, Base).customers.isEmpty());
    QVERIFY(generateDemoWorld(1, 0, Now, Base).messages.isEmpty());
    const DemoWorld one = generateDemoWorld(5, 1, Now, Base);
    QCOMPARE(one.customers.size(), 1);
    QVERIFY(!one.messages.isEmpty());
}

void TestDemoWorld::avatarSvg()
{
    DemoCustomer c;
    c.igsid = QStringLiteral("1234567890123456");
    c.name = QStringLiteral("Amélie Laurent");
    c.username = QStringLiteral("amelie.laurent");
    c.avatarColor = QStringLiteral("#4db6ac");
    const QByteArray svg = inlet::sandbox::avatarSvg(c);
    QVERIFY(svg.startsWith("<svg "));
    QVERIFY(svg.trimmed().endsWith("</svg>"));
    QVERIFY(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
    QVERIFY(svg.contains("width=\"128\""));
    QVERIFY(svg.contains("height=\"128\""));
    QVERIFY(svg.contains("fill=\"#4db6ac\""));
    QVERIFY(svg.contains(">AL</text>"));

    c.name = QStringLiteral("ゆき 佐藤");
    QVERIFY(inlet::sandbox::avatarSvg(c).contains(QStringLiteral(">ゆ佐</text>").toUtf8()));

    // Every generated customer gets a well-formed one.
    for (const DemoCustomer &customer : generateDemoWorld(1, 40, Now, Base).customers) {
        const QByteArray s = inlet::sandbox::avatarSvg(customer);
        QVERIFY(s.startsWith("<svg ") && s.contains(customer.avatarColor.toUtf8()));
        QCOMPARE(s.count("<text"), 1);
        QCOMPARE(s.count("</text>"), 1);
    }
}

void TestDemoWorld::avatarSvgEscapesAndFallsBack()
{
    DemoCustomer c;
    c.username = QStringLiteral("coffee_lover42");
    c.avatarColor = QStringLiteral("\"/><script>");
    const QByteArray svg = inlet::sandbox::avatarSvg(c);
    QVERIFY(svg.contains(">C</text>")); // no name: the username's first letter
    QVERIFY(!svg.contains("<script>")); // a bad colour never reaches the markup
    c.name = QStringLiteral("<b> &");
    c.username.clear();
    const QByteArray escaped = inlet::sandbox::avatarSvg(c);
    QVERIFY(!escaped.contains("<b>"));
    QVERIFY(escaped.contains(">?</text>") || escaped.contains("&lt;"));
}

void TestDemoWorld::midsLookLikeInstagrams()
{
    const QString prefix = QStringLiteral("aWdfZAG1faXRlbToxOklHTWVzc2FnZA");
    const QRegularExpression urlSafe(QStringLiteral("^[A-Za-z0-9_-]+$"));
    QSet<QString> mids;
    for (quint64 seed : { 1ULL, 2ULL }) {
        for (quint64 counter = 0; counter < 5000; ++counter) {
            const QString mid = makeMid(seed, counter);
            QVERIFY(mid.startsWith(prefix));
            QVERIFY(mid.size() > prefix.size() + 20);
            QVERIFY2(urlSafe.match(mid).hasMatch(), qPrintable(mid));
            mids.insert(mid);
        }
    }
    QCOMPARE(mids.size(), 10000);
    QCOMPARE(makeMid(9, 42), makeMid(9, 42));
}

void TestDemoWorld::mediaFilesAreServed()
{
    const QStringList names = sandboxMediaNames();
    QVERIFY(names.size() >= 6);
    QVERIFY(sandboxImageNames().size() >= 3);
    for (const QString &name : names) {
        const auto file = sandboxMedia(name);
        QVERIFY2(file.has_value(), qPrintable(name));
        QVERIFY(!file->data.isEmpty());
        QVERIFY(!file->mimeType.isEmpty());
        QVERIFY(!sandboxMediaAttachmentType(name).isEmpty());
    }
    for (const QString &name : sandboxImageNames()) {
        QCOMPARE(sandboxMedia(name)->mimeType, QByteArrayLiteral("image/png"));
        QVERIFY(sandboxMedia(name)->data.startsWith("\x89PNG\r\n\x1a\n"));
    }
    QVERIFY(sandboxMedia(QStringLiteral("menu.pdf"))->data.startsWith("%PDF-"));
    QVERIFY(sandboxMedia(QStringLiteral("voice-note.wav"))->data.startsWith("RIFF"));
    QCOMPARE(sandboxMedia(QStringLiteral("clip.mp4"))->data.mid(4, 4), QByteArrayLiteral("ftyp"));
    QVERIFY(!sandboxMedia(QStringLiteral("../sandbox.qrc")).has_value());
    QVERIFY(!sandboxMedia(QStringLiteral("missing.png")).has_value());
    QVERIFY(!sandboxMedia(QString()).has_value());
}

QTEST_GUILESS_MAIN(TestDemoWorld)
#include "tst_demoworld.moc"
