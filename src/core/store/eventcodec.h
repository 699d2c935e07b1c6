#pragma once

#include "model/events.h"

#include <QByteArray>

#include <optional>

// Serialises the fields of an event that targets an existing message (edit, unsend, reaction), so
// one that arrives before its message can wait in deferred_events and be applied when it comes.
namespace inlet::eventcodec {

QByteArray encode(const InboundEvent &event);
std::optional<InboundEvent> decode(const QByteArray &json);

} // namespace inlet::eventcodec
