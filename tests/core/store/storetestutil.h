#pragma once

// Helpers shared by the store's tests (header only: tests/CMakeLists.txt globs tst_*.cpp); futures
// are waited for with test::awaitResult (support/await.h).
#include "model/events.h"
#include "store/store.h"
#include "store/storereader.h"
#include "support/await.h"

#include <QFuture>
#include <QTest>

namespace inlet::storetest {

inline const QString kAccount = QStringLiteral("17841400000000001");
inline const QString kCustomer = QStringLiteral("6000000000000001");

inline InboundEvent message(const QString &mid, qint64 ts, const QString &text,
                            const QString &customer = kCustomer, bool outgoing = false)
{
    InboundEvent e;
    e.kind = InboundEvent::Kind::Message;
    e.accountId = kAccount;
    e.customerId = customer;
    e.outgoing = outgoing;
    e.timestampMs = ts;
    e.mid = mid;
    e.text = text;
    e.rawJson = QStringLiteral(R"({"message":{"mid":"%1","text":"%2"},"timestamp":%3})")
                    .arg(mid, text)
                    .arg(ts)
                    .toUtf8();
    return e;
}

inline InboundEvent targeted(InboundEvent::Kind kind, const QString &mid, qint64 ts,
                             const QString &customer = kCustomer)
{
    InboundEvent e;
    e.kind = kind;
    e.accountId = kAccount;
    e.customerId = customer;
    e.timestampMs = ts;
    e.mid = mid;
    return e;
}

// Fails the test (returns false) if a Status/Result holds an error, printing it.
template <typename T>
bool ok(const T &result)
{
    if (!result)
        qWarning("store error: %s", qPrintable(result.error().message));
    return bool(result);
}

// A store in `dir` stamping its own times (Done, the outbox) with `clock`, holding the account
// kAccount as @`username`; null (the test failed) if either could not be made.
inline std::unique_ptr<Store> storeWithAccount(
    const QString &dir, std::function<qint64()> clock, const QString &username)
{
    StoreOptions options;
    options.clock = std::move(clock);
    auto store = Store::open(dir, options);
    if (!ok(store))
        return nullptr;
    Account account;
    account.id = kAccount;
    account.username = username;
    if (!ok(test::awaitResult((*store)->upsertAccount(account))))
        return nullptr;
    return std::move(*store);
}

} // namespace inlet::storetest
