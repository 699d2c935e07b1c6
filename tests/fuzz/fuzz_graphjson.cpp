// libFuzzer harness for the Graph/Conversations API readers the sync uses: a response body goes
// the way GraphClient::interpret sends it (quoteIdNumbers, QJsonDocument, errorFromBody), then
// through every reader of src/core/model/conversationjson.cpp (conversation list page, message id
// page, message node, profile) and parseGraphTime. Checks, besides crashes and sanitizer reports:
// quoting id numbers only adds quotes (every other byte stays as it came), never turns valid
// UTF-8 JSON into invalid JSON, and an error found in a body is one of Graph's or the OAuth
// endpoints' kinds.
#include "fuzzsupport.h"
#include "graph/grapherror.h"
#include "model/conversationjson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

using namespace inlet;

namespace {

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    (void)QString(decoder(bytes));
    return !decoder.hasError();
}

void times(const QJsonValue &value, int depth = 0)
{
    parseGraphTime(value);
    if (depth > 2)
        return;
    if (value.isObject()) {
        for (const QJsonValue &v : value.toObject())
            times(v, depth + 1);
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            times(v, depth + 1);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    const QByteArray quotedBody = quoteIdNumbers(body);
    FUZZ_CHECK(QByteArray(quotedBody).replace('"', QByteArray())
        == QByteArray(body).replace('"', QByteArray()));
    QJsonParseError asSent {};
    QJsonDocument::fromJson(body, &asSent);
    QJsonParseError quoted {};
    const QJsonDocument doc = QJsonDocument::fromJson(quotedBody, &quoted);
    // Qt 6.4's parser lets some bytes that are not UTF-8 through, depending on where they stand
    // (a lone 0x97 after many escapes); quotes moved them, so the promise holds for UTF-8 only,
    // which is what Graph sends.
    if (asSent.error == QJsonParseError::NoError && isUtf8(body))
        FUZZ_CHECK(quoted.error == QJsonParseError::NoError);

    const QJsonObject json = doc.object();
    if (const std::optional<Error> error = errorFromBody(json, 400))
        FUZZ_CHECK(error->kind == Error::Kind::Graph || error->kind == Error::Kind::Auth);

    const QString business = QStringLiteral("17841400000000001");
    if (const auto page = parseConversationPage(json))
        FUZZ_CHECK(
            page->conversations.size() <= json.value(QLatin1String("data")).toArray().size());
    (void)parseMessageIdPage(json);
    if (const auto event = messageToEvent(json, business))
        FUZZ_CHECK(event->kind == InboundEvent::Kind::Message && event->accountId == business);
    const Contact contact
        = profileToContact(QStringLiteral("111"), json, QDateTime::fromMSecsSinceEpoch(0, Qt::UTC));
    FUZZ_CHECK(contact.id == QStringLiteral("111"));
    times(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(json));
    return 0;
}
