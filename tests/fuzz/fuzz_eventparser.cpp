// libFuzzer harness for the webhook event parser (src/core/webhook/eventparser.cpp): a POST body
// as Meta would sign it -> InboundEvents. Signed input is still input: the dashboard's Test
// button, a leaked App Secret or a bug on Meta's side can send anything. Checks, besides crashes
// and sanitizer reports: a raw unknown event is JSON the store can read back, refusals are
// Parse errors, and the set of logged unknown kinds stays bounded (kMaxLoggedUnknownKinds).
#include "fuzzsupport.h"
#include "webhook/eventparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace inlet;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    const Result<QList<InboundEvent>> events = parseWebhookBody(body);
    if (events) {
        for (const InboundEvent &e : *events) {
            // What the store keeps of an unknown event must be one JSON text it can read back.
            // A malformed part may be a bare value ("x", 0, null: RFC 8259 texts), which
            // QJsonDocument reads only inside an array.
            if (e.kind == InboundEvent::Kind::Unknown && !e.rawJson.isEmpty()) {
                const QJsonDocument wrapped = QJsonDocument::fromJson("[" + e.rawJson + "]");
                FUZZ_CHECK(wrapped.isArray() && wrapped.array().size() == 1);
            }
        }
    } else {
        FUZZ_CHECK(events.error().kind == Error::Kind::Parse);
    }
    FUZZ_CHECK(loggedUnknownKindCount() <= kMaxLoggedUnknownKinds);

    // The timestamp reader on its own, with whatever JSON value the input holds.
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        for (const QJsonValue &v : doc.object())
            FUZZ_CHECK(webhookTimestampMs(v) >= 0);
    }
    return 0;
}
