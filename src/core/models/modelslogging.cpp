#include "models/modelslogging.h"

Q_LOGGING_CATEGORY(lcModels, "inlet.models", QtInfoMsg)
