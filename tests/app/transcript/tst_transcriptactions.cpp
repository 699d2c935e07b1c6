// Export from the window: File > Export conversation… and Export view…, the list's context menu,
// a path given instead of the native save dialog; the export runs off the GUI thread (SQL on it
// aborts these tests), PDF is a real paged PDF, Cancel and an unwritable place leave no file.
#include "app/shell/theme.h"
#include "app/transcript/transcriptactions.h"
#include "app/transcript/transcripttext.h"
#include "models/conversationlistmodel.h"
#include "store/storetypes.h"
#include "support/menus.h"
#include "support/windowfixture.h"
#include "transcript/transcriptexporter.h"

#include <QApplication>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using inlet::test::visibleMenu;
using namespace inlet::app;
using inlet::test::WindowFixture;

namespace {

const QString kShop = QStringLiteral("17841400000000001");
const qint64 kT0 = 1'780'000'000'000;

QAction *actionNamed(QMenu *menu, const QString &name)
{
    for (QAction *a : menu->actions()) {
        if (a->objectName() == name)
            return a;
    }
    return nullptr;
}

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The pages of a PDF: its /Type /Page objects (not the /Pages tree).
int pageCount(const QByteArray &pdf)
{
    int count = 0;
    auto it = QRegularExpression(QStringLiteral("/Type\\s*/Page(?!s)"))
                  .globalMatch(QString::fromLatin1(pdf));
    for (; it.hasNext(); it.next())
        ++count;
    return count;
}

} // namespace

class TestTranscriptActions : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WindowFixture> m_app;
    TranscriptActions *m_actions = nullptr;
    QStringList m_suggested; // what the save dialog was asked with

    QString path(const QString &name) const { return QDir(m_dir->path()).filePath(name); }

    void choose(const QString &file, TranscriptFormat format)
    {
        m_actions->setTargetChooser([this, file, format](QWidget *, const QString &suggested) {
            m_suggested.append(suggested);
            return std::optional<TranscriptActions::Target>({ file, format });
        });
    }

    QMenu *fileMenu() const { return m_app->window->fileMenu(); }

    void openFirstConversation()
    {
        ConversationListModel *list = m_app->inbox->conversations();
        QTRY_COMPARE(list->rowCount(), 2);
        m_app->inbox->conversationList()->setCurrentIndex(list->index(0));
        QTRY_VERIFY(m_app->inbox->currentConversationId() != 0);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Theme::initialize();
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_app = std::make_unique<WindowFixture>(m_dir->path());
        QVERIFY2(m_app->error.isEmpty(), qPrintable(m_app->error));
        QVERIFY(m_app->addAccount(kShop, QStringLiteral("myshop"), QStringLiteral("My Shop")));
        QVERIFY(m_app->customerWrites(kShop, QStringLiteral("6001"), kT0));
        QVERIFY(m_app->customerWrites(kShop, QStringLiteral("6002"), kT0 + 1000));
        QVERIFY(m_app->load());
        // As main.cpp adds them.
        m_actions
            = new TranscriptActions(m_app->store->readers(), m_app->inbox, m_app->window.get());
        m_actions->addTo(fileMenu());
        m_suggested.clear();
        m_app->window->resize(1100, 700);
        m_app->window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_app->window.get()));
    }

    void cleanup()
    {
        m_app.reset();
        m_dir.reset();
    }

    void fileMenuHasTheEntriesBeforeQuit()
    {
        const QList<QAction *> actions = fileMenu()->actions();
        const int conversation = actions.indexOf(m_actions->exportConversationAction());
        const int view = actions.indexOf(m_actions->exportViewAction());
        QVERIFY(conversation >= 0);
        QCOMPARE(view, conversation + 1);
        QVERIFY(actions.last()->menuRole() == QAction::QuitRole);
        // Nothing open yet: the open conversation's entry waits for one.
        QVERIFY(!m_actions->exportConversationAction()->isEnabled());
        QVERIFY(m_actions->exportViewAction()->isEnabled());
    }

    void exportConversationFromTheFileMenuWritesCsv()
    {
        openFirstConversation();
        const qint64 open = m_app->inbox->currentConversationId();
        QTRY_VERIFY(m_actions->exportConversationAction()->isEnabled());
        choose(path(QStringLiteral("one.csv")), TranscriptFormat::Csv);
        QSignalSpy exported(m_actions, &TranscriptActions::exported);
        QSignalSpy status(m_actions, &TranscriptActions::status);
        actionNamed(fileMenu(), QStringLiteral("exportConversationAction"))->trigger();
        QTRY_COMPARE(exported.size(), 1);
        QCOMPARE(exported.first().at(1).toInt(), 1);
        QCOMPARE(exported.first().at(2).toLongLong(), qint64(1));
        const QString csv = QString::fromUtf8(contents(path(QStringLiteral("one.csv"))));
        QVERIFY(csv.contains(QStringLiteral("Hello from 6002")));
        QVERIFY(!csv.contains(QStringLiteral("Hello from 6001")));
        QVERIFY(csv.contains(QString::number(open)));
        QVERIFY(m_suggested.value(0).startsWith(QStringLiteral("Conversation with")));
        QVERIFY(!status.isEmpty());
        QVERIFY(status.last().at(0).toString().contains(QStringLiteral("one.csv")));
        QVERIFY(!m_actions->progressDialog());
    }

    void exportViewWritesEveryConversationAsHtml()
    {
        choose(path(QStringLiteral("view.html")), TranscriptFormat::Html);
        QSignalSpy exported(m_actions, &TranscriptActions::exported);
        actionNamed(fileMenu(), QStringLiteral("exportViewAction"))->trigger();
        QTRY_COMPARE(exported.size(), 1);
        QCOMPARE(exported.first().at(1).toInt(), 2);
        const QString html = QString::fromUtf8(contents(path(QStringLiteral("view.html"))));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("Hello from 6001")));
        QVERIFY(html.contains(QStringLiteral("Hello from 6002")));
    }

    void contextMenuExportsThatRowAsPdf()
    {
        ConversationListModel *list = m_app->inbox->conversations();
        QTRY_COMPARE(list->rowCount(), 2);
        QListView *view = m_app->inbox->conversationList();
        const QRect rect = view->visualRect(list->index(1));
        QContextMenuEvent event(
            QContextMenuEvent::Mouse, rect.center(), view->viewport()->mapToGlobal(rect.center()));
        QApplication::sendEvent(view->viewport(), &event);
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = visibleMenu(QStringLiteral("conversationMenu"))) != nullptr);
        QAction *entry = actionNamed(menu, QStringLiteral("exportConversationMenuAction"));
        QVERIFY(entry);
        choose(path(QStringLiteral("row.pdf")), TranscriptFormat::Pdf);
        QSignalSpy exported(m_actions, &TranscriptActions::exported);
        entry->trigger();
        menu->close();
        QTRY_COMPARE(exported.size(), 1);
        const QByteArray pdf = contents(path(QStringLiteral("row.pdf")));
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.contains("%%EOF"));
        QCOMPARE(pageCount(pdf), 1);
        QVERIFY(m_suggested.value(0).contains(list->rowAt(1).customerId)
            || m_suggested.value(0).contains(list->rowAt(1).name));
    }

    void longConversationMakesAPdfOfSeveralPages()
    {
        QList<InboundEvent> lines;
        for (int i = 0; i < 150; ++i) {
            InboundEvent e;
            e.kind = InboundEvent::Kind::Message;
            e.accountId = kShop;
            e.customerId = QStringLiteral("6002");
            e.timestampMs = kT0 + 2000 + i;
            e.mid = QStringLiteral("long.%1").arg(i);
            e.text = QStringLiteral("Line %1 of a long conversation, with ümlauts and 😀").arg(i);
            e.rawJson = "{}";
            lines.append(e);
        }
        QVERIFY(WindowFixture::done(m_app->store->applyEvents(lines)));
        openFirstConversation();
        QTRY_VERIFY(m_actions->exportConversationAction()->isEnabled());
        choose(path(QStringLiteral("long.pdf")), TranscriptFormat::Pdf);
        QSignalSpy exported(m_actions, &TranscriptActions::exported);
        m_actions->exportConversationAction()->trigger();
        QTRY_COMPARE(exported.size(), 1);
        QCOMPARE(exported.first().at(2).toLongLong(), qint64(151));
        const QByteArray pdf = contents(path(QStringLiteral("long.pdf")));
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pageCount(pdf) >= 3);
    }

    void cancelInTheProgressDialogLeavesNoFile()
    {
        // The export's first progress report waits until Cancel was pressed: the GUI thread keeps
        // turning meanwhile (the progress dialog is there to press).
        QSemaphore pressed;
        connect(
            m_actions->exporter(), &TranscriptExporter::progressed, m_actions->exporter(),
            [&pressed] { pressed.acquire(); }, Qt::DirectConnection);
        const QString file = path(QStringLiteral("stopped.csv"));
        choose(file, TranscriptFormat::Csv);
        QSignalSpy status(m_actions, &TranscriptActions::status);
        m_actions->exportViewAction()->trigger();
        QVERIFY(m_actions->progressDialog());
        QVERIFY(!m_actions->exportViewAction()->isEnabled()); // one export at a time
        auto *cancel = m_actions->progressDialog()->findChild<QPushButton *>();
        QVERIFY(cancel);
        QCOMPARE(cancel->text(), QStringLiteral("Cancel"));
        cancel->click();
        pressed.release(100);
        QTRY_VERIFY(!status.isEmpty());
        QCOMPARE(
            status.last().at(0).toString(), QStringLiteral("Export cancelled: no file was saved."));
        QVERIFY(!QFileInfo::exists(file));
        QCOMPARE(QDir(m_dir->path()).entryList({ QStringLiteral("stopped*") }, QDir::Files),
            QStringList());
        QTRY_VERIFY(m_actions->exportViewAction()->isEnabled());
    }

    void unwritablePlaceIsExplainedAndLeavesNoFile()
    {
        const QString file = path(QStringLiteral("no/such/folder/x.csv"));
        choose(file, TranscriptFormat::Csv);
        QSignalSpy failed(m_actions, &TranscriptActions::failed);
        m_actions->exportViewAction()->trigger();
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(failed.first().at(0).toString().contains(QStringLiteral("cannot create")));
        QVERIFY(!QFileInfo::exists(file));
        auto *box = m_app->window->findChild<QMessageBox *>(QStringLiteral("exportFailedBox"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("x.csv")));
        box->close();
    }

    void saveDialogsTypeFilterPicksTheFormat()
    {
        using F = TranscriptFormat;
        const auto target = [](const QString &path, F chosen) {
            const TranscriptActions::Target t = TranscriptActions::targetFor(path, chosen);
            return std::pair { t.path, t.format };
        };
        QCOMPARE(target(QStringLiteral("/d/report"), F::Pdf),
            std::pair(QStringLiteral("/d/report.pdf"), F::Pdf));
        QCOMPARE(target(QStringLiteral("/d/report"), F::Csv),
            std::pair(QStringLiteral("/d/report.csv"), F::Csv));
        QCOMPARE(target(QStringLiteral("/d/report.2026"), F::Html),
            std::pair(QStringLiteral("/d/report.2026.html"), F::Html));
        // A typed suffix of a known type wins over the filter.
        QCOMPARE(target(QStringLiteral("/d/a.PDF"), F::Csv),
            std::pair(QStringLiteral("/d/a.PDF"), F::Pdf));
        QCOMPARE(target(QStringLiteral("/d/a.htm"), F::Pdf),
            std::pair(QStringLiteral("/d/a.htm"), F::Html));
        QCOMPARE(target(QStringLiteral("/d/a.csv"), F::Html),
            std::pair(QStringLiteral("/d/a.csv"), F::Csv));
    }

    void errorsAreWordedWithTheFile()
    {
        const QString file = QStringLiteral("/media/usb/x.csv");
        const auto text = [&file](int code) {
            return TranscriptText::errorText(
                Error::make(Error::Kind::Storage, QStringLiteral("detail"), code), file);
        };
        QVERIFY(text(transcripterror::WriteFailed).contains(QStringLiteral("disk is full")));
        QVERIFY(text(transcripterror::WriteFailed).contains(file));
        QVERIFY(text(transcripterror::CannotCreate).contains(file));
        QVERIFY(text(transcripterror::CannotFinish).contains(file));
        QVERIFY(text(sqlite::Corrupt).contains(QStringLiteral("database")));
        // Whatever else: the core's detail, and that no file was saved.
        const QString other = TranscriptText::errorText(
            Error::make(Error::Kind::Invalid, QStringLiteral("odd")), file);
        QVERIFY(other.contains(QStringLiteral("odd")));
        QVERIFY(other.contains(QStringLiteral("No file was saved")));
    }

    void cancelledSaveDialogStartsNothing()
    {
        m_actions->setTargetChooser([](QWidget *, const QString &) { return std::nullopt; });
        m_actions->exportViewAction()->trigger();
        QVERIFY(!m_actions->progressDialog());
        QVERIFY(!m_actions->exporter()->isRunning());
    }
};

QTEST_MAIN(TestTranscriptActions)
#include "tst_transcriptactions.moc"
