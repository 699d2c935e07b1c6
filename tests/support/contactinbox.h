#pragma once

// A store filled with many conversations with varied contact names (accents, shared first names,
// usernames that differ from names), for the quick switcher's tests. Header only: the test
// support library does not link the store.
#include "store/store.h"
#include "support/await.h"

#include <QFuture>
#include <QStringList>

namespace inlet::test {

struct ContactInbox {
    static inline const QString kAccount = QStringLiteral("17841400000000001");
    static constexpr qint64 kT0 = 1'780'000'000'000;

    static QString customerId(int n)
    {
        return QStringLiteral("6%1").arg(n, 15, 10, QLatin1Char('0'));
    }

    // Conversation n (1-based) had its last activity at kT0 + n seconds: a higher n is newer.
    static QString name(int n)
    {
        static const QStringList first
            = { QStringLiteral("José"), QStringLiteral("Anna"), QStringLiteral("Élodie"),
                  QStringLiteral("Mark"), QStringLiteral("Zoë"), QStringLiteral("Jürgen"),
                  QStringLiteral("Mia"), QStringLiteral("Liam"), QStringLiteral("Noah"),
                  QStringLiteral("Sofía"), QStringLiteral("Ömer"), QStringLiteral("Chloé") };
        static const QStringList last
            = { QStringLiteral("García"), QStringLiteral("Müller"), QStringLiteral("Dupont"),
                  QStringLiteral("Smith"), QStringLiteral("Martín"), QStringLiteral("Rossi"),
                  QStringLiteral("Novak"), QStringLiteral("Kowalski"), QStringLiteral("Jansen") };
        return first.at(n % first.size()) + QLatin1Char(' ')
            + last.at((n / first.size()) % last.size()) + QLatin1Char(' ') + QString::number(n);
    }
    static QString username(int n) { return QStringLiteral("shopper_%1").arg(n); }

    // Writes `count` conversations (one customer message each). Returns an error text or empty.
    static QString fill(Store &store, int count)
    {
        const auto wait = [](auto future) { return awaitResult(std::move(future), 120000); };
        Account account;
        account.id = kAccount;
        account.username = QStringLiteral("theshop");
        if (auto s = wait(store.upsertAccount(account)); !s)
            return s.error().message;
        QFuture<Status> last;
        for (int n = 1; n <= count; ++n) {
            Contact contact;
            contact.id = customerId(n);
            contact.name = name(n);
            contact.username = username(n);
            last = store.upsertContact(contact);
        }
        if (auto s = wait(last); !s)
            return s.error().message;
        QList<InboundEvent> batch;
        for (int n = 1; n <= count; ++n) {
            InboundEvent e;
            e.kind = InboundEvent::Kind::Message;
            e.accountId = kAccount;
            e.customerId = customerId(n);
            e.timestampMs = kT0 + qint64(n) * 1000;
            e.mid = QStringLiteral("m.%1").arg(n);
            e.text = QStringLiteral("hello %1").arg(n);
            e.rawJson = "{}";
            batch.append(e);
            if (batch.size() == 5000 || n == count) {
                if (auto s = wait(store.applyEvents(batch)); !s)
                    return s.error().message;
                batch.clear();
            }
        }
        return {};
    }
};

} // namespace inlet::test
