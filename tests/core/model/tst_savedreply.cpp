// Saved replies' rules without the store: the variables the composer fills, the first name, the
// picker's search by shortcut or title and its order, and the JSON file (round trip, refusals).
#include "model/savedreply.h"
#include "model/savedreplyjson.h"
#include "support/savedreplyfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace inlet;
using inlet::test::savedReply;

namespace {

QStringList titles(const QList<SavedReply> &list)
{
    QStringList out;
    for (const SavedReply &r : list)
        out.append(r.title);
    return out;
}

} // namespace

class TestSavedReply : public QObject {
    Q_OBJECT

private slots:
    void fillsTheVariables()
    {
        const ReplyVariables v { QStringLiteral("Ana"), QStringLiteral("ana.b"),
            QStringLiteral("Marta") };
        QCOMPARE(
            fillReplyVariables(QStringLiteral("Hi {first_name} (@{username}), {agent} here."), v),
            QStringLiteral("Hi Ana (@ana.b), Marta here."));
        // Each occurrence, and text around braces that are no variable, stay as they are.
        QCOMPARE(
            fillReplyVariables(QStringLiteral("{first_name}{first_name} {} { agent } {Agent}"), v),
            QStringLiteral("AnaAna {} { agent } {Agent}"));
        // An unknown variable stays as written.
        QCOMPARE(fillReplyVariables(QStringLiteral("Order {order_id} for {first_name}"), v),
            QStringLiteral("Order {order_id} for Ana"));
        // A known one without a value too, so the manager sees what is missing.
        QCOMPARE(fillReplyVariables(QStringLiteral("Hi {first_name}, {agent}"),
                     ReplyVariables { {}, QStringLiteral("x"), {} }),
            QStringLiteral("Hi {first_name}, {agent}"));
        // A value that looks like a variable is not filled again.
        QCOMPARE(fillReplyVariables(QStringLiteral("{first_name} {agent}"),
                     ReplyVariables { QStringLiteral("{agent}"), {}, QStringLiteral("M") }),
            QStringLiteral("{agent} M"));
        QCOMPARE(fillReplyVariables(QStringLiteral("Olá, {first_name} 👋"), v),
            QStringLiteral("Olá, Ana 👋"));
    }

    void firstName()
    {
        QCOMPARE(firstNameOf(QStringLiteral("  Ana   Beatriz Souza ")), QStringLiteral("Ana"));
        QCOMPARE(firstNameOf(QStringLiteral("Zoë")), QStringLiteral("Zoë"));
        QCOMPARE(firstNameOf(QStringLiteral("   ")), QString());
    }

    void shortcutsAndProblems()
    {
        QCOMPARE(normalizedShortcut(QStringLiteral(" //thanks ")), QStringLiteral("thanks"));
        QCOMPARE(problemOf(
                     savedReply(QStringLiteral("T"), QStringLiteral("ok"), QStringLiteral("t"), 0)),
            0);
        QCOMPARE(problemOf(savedReply(QStringLiteral(" "), {}, QStringLiteral("t"), 0)),
            int(savedreply::TitleMissing));
        QCOMPARE(problemOf(savedReply(QStringLiteral("T"), {}, QStringLiteral("\n"), 0)),
            int(savedreply::TextMissing));
        QCOMPARE(problemOf(savedReply(
                     QStringLiteral("T"), QStringLiteral("a b"), QStringLiteral("t"), 0)),
            int(savedreply::ShortcutHasSpace));
    }

    void findsByShortcutOrTitle()
    {
        const QList<SavedReply> all {
            savedReply(
                QStringLiteral("Shipping times"), QStringLiteral("ship"), QStringLiteral("t"), 1),
            savedReply(QStringLiteral("Thanks"), QStringLiteral("ty"), QStringLiteral("t"), 2),
            savedReply(QStringLiteral("Address of the shop"), QStringLiteral("addr"),
                QStringLiteral("t"), 3),
            savedReply(
                QStringLiteral("Opening hours"), QStringLiteral("hours"), QStringLiteral("t"), 4),
            savedReply(QStringLiteral("Relationship"), QStringLiteral("rel"),
                QStringLiteral("ship it"), 5),
            savedReply(QStringLiteral("Ship"), QString(), QStringLiteral("t"), 6),
        };
        // Everything by title without a query.
        QCOMPARE(titles(findSavedReplies(all, {})),
            QStringList({ QStringLiteral("Address of the shop"), QStringLiteral("Opening hours"),
                QStringLiteral("Relationship"), QStringLiteral("Ship"),
                QStringLiteral("Shipping times"), QStringLiteral("Thanks") }));
        // The shortcut itself first, then titles starting with it, then containing it; the text is
        // not searched.
        QCOMPARE(titles(findSavedReplies(all, QStringLiteral("SHIP"))),
            QStringList({ QStringLiteral("Shipping times"), QStringLiteral("Ship"),
                QStringLiteral("Relationship") }));
        QCOMPARE(titles(findSavedReplies(all, QStringLiteral("ho"))),
            QStringList(
                { QStringLiteral("Opening hours"), QStringLiteral("Address of the shop") }));
        // A word of the title.
        QCOMPARE(titles(findSavedReplies(all, QStringLiteral("shop"))),
            QStringList({ QStringLiteral("Address of the shop") }));
        QVERIFY(findSavedReplies(all, QStringLiteral("zzz")).isEmpty());
    }

    void jsonRoundTrip()
    {
        const QList<SavedReply> replies {
            savedReply(QStringLiteral("Thanks"), QStringLiteral("ty"),
                QStringLiteral("Thank you, {first_name}!\nBye"), 7),
            savedReply(QStringLiteral("Hours"), QString(), QStringLiteral("9–17 Uhr"), 8),
        };
        const QByteArray file = savedreplyjson::write(replies);
        const QJsonObject root = QJsonDocument::fromJson(file).object();
        QCOMPARE(
            root.value(QStringLiteral("format")).toString(), QStringLiteral("inlet-saved-replies"));
        QCOMPARE(root.value(QStringLiteral("replies")).toArray().size(), 2);
        QVERIFY(!file.contains("\"id\""));
        auto back = savedreplyjson::read(file);
        QVERIFY(back.has_value());
        QCOMPARE(back->size(), 2);
        QCOMPARE(back->at(0).id, 0); // ids are the file's reader's business
        QCOMPARE(back->at(0).title, QStringLiteral("Thanks"));
        QCOMPARE(back->at(0).shortcut, QStringLiteral("ty"));
        QCOMPARE(back->at(0).text, replies.at(0).text);
        QCOMPARE(back->at(1).text, QStringLiteral("9–17 Uhr"));
        // A bare array, with a "/" before the shortcut, is read too.
        auto bare = savedreplyjson::read(R"([{"title":"A","shortcut":"/a","text":"x"}])");
        QVERIFY(bare.has_value());
        QCOMPARE(bare->constFirst().shortcut, QStringLiteral("a"));
    }

    void jsonRefusals()
    {
        const auto error = [](const QByteArray &json) {
            auto r = savedreplyjson::read(json);
            return r ? QString() : r.error().message;
        };
        QVERIFY(error("not json").startsWith(QLatin1String("not JSON")));
        QCOMPARE(error(R"({"replies":[]})"), QStringLiteral("not a saved-replies file of Inlet"));
        QVERIFY(error(R"({"format":"inlet-saved-replies","version":2,"replies":[]})")
                    .contains(QLatin1String("newer")));
        QCOMPARE(error(R"([{"title":"A","text":"x"},{"title":"B"}])"),
            QStringLiteral("reply 2 has no text"));
        QCOMPARE(error(R"([{"text":"x"}])"), QStringLiteral("reply 1 has no title"));
        QByteArray big(savedreplyjson::kMaxBytes + 1, ' ');
        QVERIFY(error(big).contains(QLatin1String("larger")));
        QJsonArray many;
        for (int i = 0; i <= savedreplyjson::kMaxReplies; ++i)
            many.append(QJsonObject { { QStringLiteral("title"), QStringLiteral("t") },
                { QStringLiteral("text"), QStringLiteral("x") } });
        QVERIFY(error(QJsonDocument(many).toJson(QJsonDocument::Compact))
                    .contains(QLatin1String("more than")));
    }

    // Reasons for the app to word (app/shell/errortext), the log line beside them.
    void jsonRefusalsCarryTheirReason()
    {
        const auto error = [](const QByteArray &json) {
            auto r = savedreplyjson::read(json);
            return r ? Error() : r.error();
        };
        QCOMPARE(error("not json").reason, Error::Reason::SavedRepliesNotJson);
        QCOMPARE(error(R"({"replies":[]})").reason, Error::Reason::SavedRepliesNotOurs);
        const Error newer = error(R"({"format":"inlet-saved-replies","version":2,"replies":[]})");
        QCOMPARE(newer.reason, Error::Reason::SavedRepliesNewer);
        QCOMPARE(newer.args, QStringList { QStringLiteral("2") });
        const Error incomplete = error(R"([{"title":"A","text":"x"},{"title":"B"}])");
        QCOMPARE(incomplete.reason, Error::Reason::SavedReplyIncomplete);
        QCOMPARE(incomplete.args, QStringList { QStringLiteral("2") });
        QCOMPARE(incomplete.code, int(savedreply::TextMissing));
        QCOMPARE(error(QByteArray(savedreplyjson::kMaxBytes + 1, ' ')).reason,
            Error::Reason::SavedRepliesTooLarge);
    }
};

QTEST_GUILESS_MAIN(TestSavedReply)
#include "tst_savedreply.moc"
