#include "sandbox/demoworld.h"

#include "sandbox/sandboxmedia.h"
#include "sandbox/webhookpayloads.h"

#include <QHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>

namespace inlet::sandbox {

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

// A name as people write it, plus an ASCII base for the username when the name is not Latin.
struct NameParts {
    const char *first;
    const char *last;
    const char *asciiBase = nullptr;
};

// One group per culture, so that first and last names go together.
const QList<QList<NameParts>> &nameGroups()
{
    static const QList<QList<NameParts>> groups {
        { { "Amélie", "Laurent" }, { "Léa", "Moreau" }, { "François", "Dubois" },
            { "Inès", "Girard" }, { "Théo", "Lefèvre" }, { "Chloé", "Bonnet" } },
        { { "Mateo", "García" }, { "Lucía", "Fernández" }, { "Sofía", "Martínez" },
            { "Álvaro", "Ruiz" }, { "Valentina", "Núñez" } },
        { { "João", "Conceição" }, { "Beatriz", "Araújo" }, { "Gonçalo", "Sá" },
            { "Marta", "Simões" } },
        { { "Jonas", "Müller" }, { "Lena", "Schäfer" }, { "Felix", "Weiß" },
            { "Hanna", "Krüger" } },
        { { "Søren", "Kjærgaard" }, { "Ingrid", "Lindqvist" }, { "Björn", "Åkesson" },
            { "Freja", "Nørgaard" } },
        { { "Łukasz", "Wiśniewski" }, { "Zofia", "Kowalczyk" }, { "Agnieszka", "Żak" } },
        { { "Ayşe", "Yılmaz" }, { "Mehmet", "Öztürk" }, { "Elif", "Çelik" } },
        { { "Giulia", "Rossi" }, { "Marco", "Bianchi" }, { "Chiara", "Esposito" } },
        { { "Emma", "Johnson" }, { "Liam", "O'Connor" }, { "Olivia", "Smith" },
            { "Noah", "Williams" }, { "Grace", "Taylor" } },
        { { "Chiamaka", "Okafor" }, { "Tunde", "Adeyemi" }, { "Amara", "Nwosu" } },
        { { "Priya", "Raman" }, { "Arjun", "Mehta" }, { "Ananya", "Iyer" } },
        { { "Minh", "Nguyễn" }, { "Thảo", "Trần" }, { "Quang", "Phạm" } },
        { { "Yuki", "Tanaka" }, { "Haruto", "Sato" }, { "ゆき", "佐藤", "yuki.sato" } },
        { { "Ji-woo", "Kim" }, { "Seo-yeon", "Park" }, { "민준", "이", "minjun.lee" } },
        { { "Νίκος", "Παπαδόπουλος", "nikos.pap" }, { "Eleni", "Georgiou" } },
        { { "Layla", "Haddad" }, { "Omar", "Khalil" }, { "ليلى", "حداد", "layla.h" } },
    };
    return groups;
}

const QStringList &nameDecorations()
{
    static const QStringList decorations {
        QStringLiteral(" ☕"),
        QStringLiteral(" 🌸"),
        QStringLiteral(" ✨"),
        QStringLiteral(" 🏳️‍🌈"),
        QStringLiteral(" | Photography"),
        QStringLiteral(" 🇧🇷"),
    };
    return decorations;
}

const QStringList &avatarColors()
{
    static const QStringList colors {
        QStringLiteral("#e57373"),
        QStringLiteral("#f06292"),
        QStringLiteral("#ba68c8"),
        QStringLiteral("#7986cb"),
        QStringLiteral("#4fc3f7"),
        QStringLiteral("#4db6ac"),
        QStringLiteral("#81c784"),
        QStringLiteral("#dce775"),
        QStringLiteral("#ffb74d"),
        QStringLiteral("#a1887f"),
        QStringLiteral("#90a4ae"),
        QStringLiteral("#ff8a65"),
    };
    return colors;
}

// A line of a scripted exchange. Placeholders: %NAME% (customer's first name), %ORDER%, %MEDIA%
// (the base of the sandbox's media URLs).
struct Line {
    bool fromCustomer;
    const char *text;
    const char *media = nullptr; // a sandbox media name, sent as an attachment
    const char *attachmentType = nullptr; // default: the media's own type
};

using Topic = QList<Line>;

const QList<Topic> &topics()
{
    static const QList<Topic> all {
        { { true, "Hi! Are you open on Sunday?" },
            { false, "Hi %NAME%! Yes, Sundays 9:00–17:00 ☕" },
            { true, "Perfect, see you then 🙌" } },
        { { true, "Hey, I ordered a bag of beans last week (order #%ORDER%). Any news?" },
            { false, "Hi %NAME%, let me check…" },
            { false, "It shipped yesterday! Tracking: https://track.example.com/%ORDER%" },
            { true, "Thank you so much!!" } },
        { { true, "Do you still have the striped tee in M?" },
            { false, "We have M and L left in navy 👕" },
            { true, "Can I reserve an M? I can come by Friday" },
            { false, "Done, it's under your name until Saturday." } },
        { { true, "The hoodie is too small 😅 can I exchange it for an L?" },
            { false,
                "Of course! Bring it back within 30 days, or send it back: "
                "https://inlet.example.com/returns" },
            { true, "Great, will do" } },
        { { true, "Do you have oat milk?" }, { false, "Yes, oat and almond at no extra cost 🌾" } },
        { { true, "Hi, I run a small bakery in Porto. Do you sell beans wholesale?" },
            { false,
                "We do! Could you email wholesale@inlet.example.com with your monthly volume?" },
            { true, "Sent 👍" } },
        { { true, "Best flat white in town, seriously ❤️" },
            { false, "That made our day, thank you %NAME%! ☺️" } },
        { { true, "Do you do gift cards?" },
            { false, "Yes, in store and online: https://inlet.example.com/gift" },
            { true, "Amazing, it's for my sister's birthday 🎁" } },
        { { true, "Is the latte art workshop still on for Thursday?" },
            { false, "Yes! 18:30, two spots left. Shall I put you down?" },
            { true, "Yes please, for 2 people" }, { false, "Booked ✅ See you Thursday" } },
        { { true, "Can I work from the café with a laptop? Is there wifi?" },
            { false,
                "Sure, the wifi password is on the menu board. Outlets along the window bar 🔌" } },
        { { true, "Are the croissants nut-free?" },
            { false,
                "The plain ones are, the almond ones obviously not 😄 They're all baked in the "
                "same kitchen though." } },
        { { true, "Do you ship to Canada? 🇨🇦" },
            { false, "We do, shipping is 12 € and takes about a week." }, { true, "ok!" } },
        { { true, "My order still hasn't arrived and it's been 2 weeks 😕" },
            { false, "I'm sorry %NAME%! Could you send me your order number?" },
            { true, "#%ORDER%" },
            { false,
                "Thanks. It got stuck at the depot, we're sending a new one today by express." },
            { true, "Thank you, appreciate it" } },
        { { true, "Hi! I'm a food blogger, would you be interested in a collab?" },
            { false, "Hi %NAME%, sounds fun! What did you have in mind?" },
            { true, "A reel about your new autumn menu 🍂" } },
        { { true, "I think I left my sunglasses at your place yesterday 🕶" },
            { false, "We found a pair on table 4! Black frames?" },
            { true, "Yes!! I'll pick them up tomorrow" } },
        { { true, "How much is the 1 kg bag of the Ethiopia?" },
            { false, "34 € for 1 kg, 11 € for 250 g." }, { true, "And do you grind it?" },
            { false, "Yes, just tell us your brew method (espresso, V60, French press…)" } },
        { { true, "Is this one still available?", "shirt.png" },
            { false, "Yes, that's our Breton tee. S, M and L in stock." }, { true, "L please 🙏" } },
        { { true, "", "sunset.png", "story_mention" },
            { false, "Thanks for the mention %NAME%! 🧡" } },
        { { true, "this one 😍", "shirt.png", "share" },
            { false, "Good choice, it's a bestseller!" } },
        { { true, "", "voice-note.wav" },
            { false, "Got your voice note, we'll keep a table for 4 at 8 pm." } },
        { { true, "Do you have a menu I could look at?" }, { false, "Here it is!", "menu.pdf" },
            { true, "Thanks 😊" } },
        { { true, "saw this reel, is that your café??", "clip.mp4", "ig_reel" },
            { false, "Ha, yes! That's our window bar." } },
        { { true, "Is this your new seasonal drink?", "latte.png" },
            { false, "It is, maple oat latte 🍁" }, { true, "Need it" } },
        { { false, "Hi %NAME%, your order is ready for pickup 📦" }, { true, "Great, on my way" } },
        { { true, "👋" }, { false, "Hi %NAME%! How can we help?" } },
        { { true, "Where exactly are you? Can't find the entrance", "storefront.png" },
            { false, "Red and white awning, right next to the bookshop 😊" } },
    };
    return all;
}

// Exchanges in a customer's own language, keyed by the index of their group in nameGroups().
const QHash<int, QList<Topic>> &localTopics()
{
    static const QHash<int, QList<Topic>> all {
        { 0,
            { { { true, "Bonjour ! Vous avez encore des chemises en lin ?" },
                  { false, "Bonjour %NAME% ! Oui, en blanc et en sable." } },
                { { true, "Vous faites des cartes cadeaux ?" },
                    { false, "Oui, en boutique et en ligne 🎁" } } } },
        { 1,
            { { { true, "¿Abren mañana por la tarde?" }, { false, "¡Sí! Hasta las 19:00." } },
                { { true, "¿Tienen leche de avena?" }, { false, "¡Claro que sí %NAME%! 🌾" } } } },
        { 2,
            { { { true, "Olá! Vocês enviam para Portugal?" },
                { false, "Olá %NAME%! Enviamos sim, 3 a 5 dias úteis." },
                { true, "Obrigada 😊" } } } },
        { 3,
            { { { true, "Hallo! Habt ihr auch entkoffeinierten Kaffee?" },
                { false, "Ja, unser Decaf aus Kolumbien ☕" }, { true, "Super, danke!" } } } },
        { 7,
            { { { true, "Ciao! Fate anche il cappuccino d'orzo?" },
                { false, "Ciao %NAME%! Sì, certo ☕" } } } },
    };
    return all;
}

enum class Age { Recent, Days, Old };

// Builds one world; every random choice goes through m_rng in a fixed order.
class WorldBuilder {
public:
    WorldBuilder(quint32 seed, qint64 nowMs, QString mediaBaseUrl)
        : m_rng(seed)
        , m_seed(seed)
        , m_nowMs(nowMs)
        , m_mediaBase(std::move(mediaBaseUrl))
    {
        while (m_mediaBase.endsWith(QLatin1Char('/')))
            m_mediaBase.chop(1);
    }

    DemoWorld build(int customerCount);

private:
    DemoCustomer makeCustomer(bool withName);
    QString uniqueUsername(const QString &base);
    void makeHistory(const DemoCustomer &customer, int length, Age age, QList<DemoMessage> &out);
    QJsonArray attachmentFor(const Line &line);
    qint64 lastCustomerMessageAt(Age age);
    qint64 between(qint64 low, qint64 high) { return low + m_rng.bounded(high - low + 1); }
    bool chance(double p) { return m_rng.generateDouble() < p; }
    QString mediaUrl(const QString &name) const
    {
        return m_mediaBase + QStringLiteral("/__sandbox/media/") + name;
    }

    QRandomGenerator m_rng;
    quint32 m_seed;
    qint64 m_nowMs;
    QString m_mediaBase;
    quint64 m_midCounter = 0;
    QSet<QString> m_igsids;
    QSet<QString> m_usernames;
    QSet<QString> m_names;
    QHash<QString, int> m_groupOf; // igsid -> index in nameGroups(), for local-language topics
};

QString asciiFold(const QString &text)
{
    QString out;
    for (const QChar c : text.normalized(QString::NormalizationForm_D).toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c.isDigit())
            out += c;
        else if (c == u'ł')
            out += QLatin1Char('l');
        else if (c == u'ø')
            out += QLatin1Char('o');
        else if (c == u'ß')
            out += QStringLiteral("ss");
        else if (c == u'æ')
            out += QStringLiteral("ae");
        else if (c == u'đ')
            out += QLatin1Char('d');
        else if (c == u'ı')
            out += QLatin1Char('i');
    }
    return out;
}

DemoWorld WorldBuilder::build(int customerCount)
{
    DemoWorld world;
    const int count = std::max(0, customerCount);
    // A couple of customers without a name, as Instagram's profile name can be null.
    QSet<int> nameless;
    if (count >= 8) {
        nameless.insert(int(m_rng.bounded(count)));
        nameless.insert(int(m_rng.bounded(count)));
    }
    for (int i = 0; i < count; ++i)
        world.customers.append(makeCustomer(!nameless.contains(i)));

    // Window ages in fixed proportions (50 % inside 24 h, 30 % within 7 days, the rest older),
    // assigned to customers in a shuffled order.
    QList<int> order(count);
    std::iota(order.begin(), order.end(), 0);
    for (int i = count - 1; i > 0; --i)
        std::swap(order[i], order[int(m_rng.bounded(i + 1))]);
    const int recent = (count + 1) / 2;
    const int days = int(std::lround(count * 0.3));
    const int longCount = std::max(1, count / 12);

    for (int rank = 0; rank < count; ++rank) {
        const int index = order[rank];
        const Age age = rank < recent ? Age::Recent : rank < recent + days ? Age::Days : Age::Old;
        int length = 0;
        if (index < longCount)
            length = int(between(200, 450)); // a few regulars with long histories
        else if (chance(0.4))
            length = int(between(1, 6));
        else if (chance(0.6))
            length = int(between(7, 25));
        else
            length = int(between(26, 60));
        makeHistory(world.customers[index], length, age, world.messages);
    }
    std::stable_sort(world.messages.begin(), world.messages.end(),
        [](const DemoMessage &a, const DemoMessage &b) { return a.timestampMs < b.timestampMs; });
    return world;
}

DemoCustomer WorldBuilder::makeCustomer(bool withName)
{
    DemoCustomer customer;
    do {
        customer.igsid = QString::number(between(1, 9))
            + QString::number(between(0, 999'999'999'999'999LL))
                  .rightJustified(15, QLatin1Char('0'));
    } while (m_igsids.contains(customer.igsid));
    m_igsids.insert(customer.igsid);

    QString usernameBase;
    if (withName) {
        for (int attempt = 0; attempt < 20; ++attempt) {
            const int groupIndex = int(m_rng.bounded(int(nameGroups().size())));
            const auto &group = nameGroups()[groupIndex];
            m_groupOf.insert(customer.igsid, groupIndex);
            const NameParts &parts = group[int(m_rng.bounded(int(group.size())))];
            const QString first = QString::fromUtf8(parts.first);
            const QString last = QString::fromUtf8(parts.last);
            const bool eastAsianOrder = parts.asciiBase
                && first.front().script() != QChar::Script_Greek
                && first.front().script() != QChar::Script_Arabic;
            customer.name = eastAsianOrder ? last + QLatin1Char(' ') + first
                                           : first + QLatin1Char(' ') + last;
            if (chance(0.15))
                customer.name = first; // some people only show a first name
            if (chance(0.12))
                customer.name
                    += nameDecorations()[int(m_rng.bounded(int(nameDecorations().size())))];
            if (parts.asciiBase) {
                usernameBase = QString::fromLatin1(parts.asciiBase);
            } else {
                const QString f = asciiFold(first);
                const QString l = asciiFold(last);
                switch (m_rng.bounded(5)) {
                case 0:
                    usernameBase = f + QLatin1Char('.') + l;
                    break;
                case 1:
                    usernameBase = f + QLatin1Char('_') + l;
                    break;
                case 2:
                    usernameBase = f + l + QString::number(between(70, 99));
                    break;
                case 3:
                    usernameBase = QStringLiteral("the.") + f;
                    break;
                default:
                    usernameBase = f + l.left(1);
                    break;
                }
            }
            if (!m_names.contains(customer.name))
                break;
        }
        m_names.insert(customer.name);
    } else {
        static const QStringList handles { QStringLiteral("coffee_lover"), QStringLiteral("user"),
            QStringLiteral("bean.hunter"), QStringLiteral("x_") };
        usernameBase = handles[int(m_rng.bounded(int(handles.size())))]
            + QString::number(between(10, 99999));
    }
    customer.username = uniqueUsername(usernameBase);

    // Follower counts are roughly log-uniform: mostly small accounts, a few influencers.
    const double roll = m_rng.generateDouble();
    const auto logUniform = [this](double low, double high) {
        return int(
            std::exp(std::log(low) + m_rng.generateDouble() * (std::log(high) - std::log(low))));
    };
    customer.followerCount = roll < 0.7 ? logUniform(30, 3000)
        : roll < 0.92                   ? logUniform(3000, 50000)
                                        : logUniform(50000, 2000000);
    customer.verified = customer.followerCount > 200000 && chance(0.5);
    customer.followsBusiness = chance(0.65);
    customer.businessFollows = chance(0.2);
    customer.avatarColor = avatarColors()[int(m_rng.bounded(int(avatarColors().size())))];
    return customer;
}

QString WorldBuilder::uniqueUsername(const QString &base)
{
    QString name = base.left(26);
    while (m_usernames.contains(name))
        name = base.left(26) + QString::number(between(1, 999));
    m_usernames.insert(name);
    return name;
}

qint64 WorldBuilder::lastCustomerMessageAt(Age age)
{
    switch (age) {
    case Age::Recent:
        return m_nowMs - between(3 * Minute, 23 * Hour);
    case Age::Days:
        return m_nowMs - between(25 * Hour, 6 * Day + 20 * Hour);
    case Age::Old:
        return m_nowMs - between(7 * Day + 4 * Hour, 120 * Day);
    }
    return m_nowMs;
}

QJsonArray WorldBuilder::attachmentFor(const Line &line)
{
    if (!line.media)
        return {};
    const QString name = QString::fromLatin1(line.media);
    const QString type = line.attachmentType ? QString::fromLatin1(line.attachmentType)
                                             : sandboxMediaAttachmentType(name);
    QJsonObject extra;
    if (type == QLatin1String("ig_reel")) {
        extra.insert(
            QStringLiteral("title"), QStringLiteral("Morning rush at our favourite café ☕"));
        extra.insert(QStringLiteral("reel_video_id"),
            QString::number(between(17'000'000'000'000'000LL, 18'999'999'999'999'999LL)));
    }
    return QJsonArray { payloads::attachment(type, mediaUrl(name), extra) };
}

void WorldBuilder::makeHistory(
    const DemoCustomer &customer, int length, Age age, QList<DemoMessage> &out)
{
    const QString firstName = customer.name.isEmpty()
        ? QStringLiteral("there")
        : customer.name.section(QLatin1Char(' '), 0, 0);
    struct Draft {
        DemoMessage message;
        bool startsSession = false;
    };
    QList<Draft> drafts;
    while (drafts.size() < length) {
        const QList<Topic> local = localTopics().value(m_groupOf.value(customer.igsid, -1));
        const bool useLocal = !local.isEmpty() && chance(0.3);
        const QList<Topic> &pool = useLocal ? local : topics();
        const Topic &topic = pool[int(m_rng.bounded(int(pool.size())))];
        if (drafts.isEmpty() && !topic.front().fromCustomer)
            continue; // a business cannot open a thread on Instagram
        const QString order = QString::number(between(10000, 99999));
        bool first = true;
        for (const Line &line : topic) {
            if (drafts.size() >= length)
                break;
            Draft draft;
            draft.startsSession = first;
            first = false;
            DemoMessage &m = draft.message;
            m.customerIgsid = customer.igsid;
            m.fromCustomer = line.fromCustomer;
            m.text = QString::fromUtf8(line.text)
                         .replace(QStringLiteral("%NAME%"), firstName)
                         .replace(QStringLiteral("%ORDER%"), order);
            m.attachments = attachmentFor(line);
            drafts.append(draft);
        }
    }
    // Ids and inline replies, in conversation order.
    const quint64 stream = m_seed;
    for (qsizetype i = 0; i < drafts.size(); ++i) {
        DemoMessage &m = drafts[i].message;
        m.mid = makeMid(stream, m_midCounter++);
        if (i >= 2 && m.fromCustomer && m.attachments.isEmpty() && chance(0.08))
            m.replyToMid
                = drafts[i - 1 - qsizetype(m_rng.bounded(std::min<int>(3, int(i))))].message.mid;
    }

    // Timestamps backwards from the last customer message, whose age sets the window.
    qsizetype lastCustomer = drafts.size() - 1;
    while (lastCustomer > 0 && !drafts[lastCustomer].message.fromCustomer)
        --lastCustomer;
    drafts[lastCustomer].message.timestampMs = lastCustomerMessageAt(age);
    // Regulars with long threads come back more often, which keeps their history within months.
    const qint64 maxPause = drafts.size() > 100 ? 2 * Day : 5 * Day;
    for (qsizetype i = lastCustomer - 1; i >= 0; --i) {
        const qint64 gap = drafts[i + 1].startsSession ? between(2 * Hour, maxPause)
                                                       : between(15 * Second, 12 * Minute);
        drafts[i].message.timestampMs = drafts[i + 1].message.timestampMs - gap;
    }
    for (qsizetype i = lastCustomer + 1; i < drafts.size(); ++i) {
        drafts[i].message.timestampMs
            = drafts[i - 1].message.timestampMs + between(30 * Second, 20 * Minute);
        if (drafts[i].message.timestampMs >= m_nowMs - Second) {
            drafts.resize(i); // the business has not answered yet
            break;
        }
    }
    for (const Draft &draft : std::as_const(drafts))
        out.append(draft.message);
}

} // namespace

DemoWorld generateDemoWorld(
    quint32 seed, int customerCount, qint64 nowMs, const QString &mediaBaseUrl)
{
    return WorldBuilder(seed, nowMs, mediaBaseUrl).build(customerCount);
}

QByteArray avatarSvg(const DemoCustomer &customer)
{
    // Initials: the first letter of the first two words of the name, else of the username.
    QString initials;
    const QStringList words = customer.name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (initials.size() >= 2)
            break;
        const QChar c = word.front();
        if (c.isLetter())
            initials += c.toUpper();
    }
    if (initials.isEmpty()) {
        for (const QChar c : customer.username) {
            if (c.isLetter()) {
                initials = c.toUpper();
                break;
            }
        }
    }
    if (initials.isEmpty())
        initials = QStringLiteral("?");
    QString color = customer.avatarColor;
    const bool validColor = color.size() == 7 && color.front() == QLatin1Char('#')
        && std::all_of(color.begin() + 1, color.end(),
            [](QChar c) { return c.unicode() < 128 && std::isxdigit(c.unicode()); });
    if (!validColor) // never let a stray value break out of the attribute
        color = QStringLiteral("#90a4ae");
    const QString svg = QStringLiteral(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"128\" height=\"128\" viewBox=\"0 0 128 "
        "128\">"
        "<circle cx=\"64\" cy=\"64\" r=\"64\" fill=\"%1\"/>"
        "<text x=\"64\" y=\"64\" dy=\".35em\" text-anchor=\"middle\" fill=\"#ffffff\" "
        "font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"52\" "
        "font-weight=\"bold\">%2</text>"
        "</svg>\n")
                            .arg(color, initials.toHtmlEscaped());
    return svg.toUtf8();
}

QString makeMid(quint64 seedA, quint64 counter)
{
    // splitmix64's finalizer is a bijection, so (stream, mixed counter) stays unique per input.
    const auto mix = [](quint64 x) {
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    };
    const quint64 thread = mix(seedA);
    const QByteArray body = QByteArrayLiteral("29:") + QByteArray::number(thread) + ':'
        + QByteArray::number(mix(counter ^ thread));
    return QStringLiteral("aWdfZAG1faXRlbToxOklHTWVzc2FnZA")
        + QString::fromLatin1(
            body.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace inlet::sandbox
