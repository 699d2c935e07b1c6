#include "common/logging.h"

Q_LOGGING_CATEGORY(lcGraph, "inlet.graph", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "inlet.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "inlet.keychain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWebhook, "inlet.webhook", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "inlet.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "inlet.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOutbox, "inlet.outbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "inlet.app", QtInfoMsg)
