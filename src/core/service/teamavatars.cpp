#include "service/teamavatars.h"

#include "common/logging.h"
#include "common/ondone.h"
#include "store/readerpool.h"
#include "store/store.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "store/writesession.h"
#include "sync/avatardownloader.h"

#include <QFileInfo>

namespace inlet {

TeamAvatars::TeamAvatars(Store *store, const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_downloader(new AvatarDownloader(dataDir, this))
{
    Q_ASSERT(store);
    connect(m_downloader, &AvatarDownloader::finished, this, &TeamAvatars::onFinished);
}

TeamAvatars::~TeamAvatars() = default;

void TeamAvatars::start()
{
    if (m_started)
        return;
    m_started = true;
    connect(m_store, &Store::changed, this, &TeamAvatars::onStoreChanged);
    check({}, true); // pictures missing from an earlier run (or from before team mode)
}

void TeamAvatars::onStoreChanged(const StoreChange &change)
{
    if (!change.contactIds.isEmpty())
        check(change.contactIds, false);
}

void TeamAvatars::check(const QStringList &ids, bool missingOnly)
{
    auto read = m_store->readers()->read<QHash<QString, QString>>(
        [ids, missingOnly, downloader = m_downloader](
            StoreReader &reader) -> Result<QHash<QString, QString>> {
            auto pictures = reader.contactPictures(ids);
            if (!pictures || !missingOnly)
                return pictures;
            // On the reader thread: which files exist is disk I/O too.
            for (auto it = pictures->begin(); it != pictures->end();) {
                const QString path = downloader->avatarPath(it.key());
                if (path.isEmpty() || QFileInfo::exists(path))
                    it = pictures->erase(it);
                else
                    ++it;
            }
            return pictures;
        });
    onDone(read, this, [this](const Result<QHash<QString, QString>> &pictures) {
        if (!pictures) {
            qCWarning(lcSync) << "team avatars: contacts not read:" << pictures.error().message;
            return;
        }
        for (auto it = pictures->cbegin(); it != pictures->cend(); ++it)
            fetch(it.key(), it.value());
    });
}

void TeamAvatars::fetch(const QString &igsid, const QString &url)
{
    if (url.isEmpty() || m_downloaded.value(igsid) == url)
        return; // this picture is the one on disk
    if (m_inFlight.contains(igsid)) {
        if (m_inFlight.value(igsid) != url)
            m_next.insert(igsid, url);
        return;
    }
    m_inFlight.insert(igsid, url);
    m_downloader->download(igsid, url);
}

void TeamAvatars::onFinished(const QString &igsid, const QString &path)
{
    const QString url = m_inFlight.take(igsid);
    if (!path.isEmpty()) {
        m_downloaded.insert(igsid, url);
        emit avatarReady(igsid, path);
        // The rows showing this customer read the file again (StoreInboxSource::toRow).
        m_store->write([igsid](WriteContext &c) -> Status {
            auto ids = c.session.run(
                QStringLiteral("SELECT id FROM conversations WHERE customer_id = ?"), { igsid });
            if (!ids)
                return std::unexpected(ids.error());
            while ((*ids)->next())
                c.change.addConversation((*ids)->value(0).toLongLong());
            (*ids)->finish();
            return {};
        });
    }
    if (const QString next = m_next.take(igsid); !next.isEmpty())
        fetch(igsid, next);
}

} // namespace inlet
