#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <optional>

namespace inlet {

// Reads an error out of a response body, whatever shape Instagram chose:
//  - Graph envelope {"error":{"message","type","code","error_subcode"}}        -> Kind::Graph
//  - OAuth endpoint {"error_type","code","error_message"}                        -> Kind::Auth
//  - RFC 6749 style {"error":"invalid_request","error_description":"..."}        -> Kind::Auth
// Returns nothing when the body carries no error.
std::optional<Error> errorFromBody(const QJsonObject &body, int httpStatus);

// How callers should react to an error: the one classification of the core (sync, outbox, auth
// and the profile cache all ask these). Codes from instagram-api.md §6.2.
bool isRateLimit(const Error &error);       // 4, 17, 32, 613, 80002, or HTTP 429: back off
bool isAuthInvalid(const Error &error);     // 190, 102: the token is dead, sign in again
bool isTransient(const Error &error); // 1, 2, 1200, 5xx, network, no status: retry with backoff
bool isOutsideWindow(const Error &error);   // 10/2534022, 10/2018278: messaging window closed
bool isUserUnavailable(const Error &error); // 551, 10/2018108, 100/2534014: stop sending

// Makes integer values of id-like keys ("id", "user_id", "recipient_id", ...) JSON strings before
// parsing, so that 17-digit ids survive (QJsonDocument would turn them into doubles).
QByteArray quoteIdNumbers(const QByteArray &json);

// `{"data":[{...}]}` -> the first element; any other object unchanged.
QJsonObject unwrapData(const QJsonObject &object);

} // namespace inlet
