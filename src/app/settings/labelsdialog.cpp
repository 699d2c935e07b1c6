#include "app/settings/labelsdialog.h"

#include "app/inbox/labelchips.h"
#include "app/shell/errortext.h"
#include "common/ondone.h"
#include "service/labels.h"
#include "ui_labelsdialog.h"

#include <QColorDialog>
#include <QDialogButtonBox>
#include <QMessageBox>

namespace inlet::app {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

} // namespace

LabelsDialog::LabelsDialog(Labels *labels, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::LabelsDialog>())
    , m_labels(labels)
    , m_confirm([this](const Label &label) {
        return QMessageBox::question(this, tr("Delete label"),
                   tr("Delete the label “%1”? It comes off every conversation that has it.")
                       .arg(label.name))
            == QMessageBox::Yes;
    })
{
    m_ui->setupUi(this);
    for (const QString &colour : label::palette())
        m_ui->colour->addItem(labelchips::swatch(colour), colour, colour);
    connect(labels, &Labels::labelsChanged, this, &LabelsDialog::listChanged);
    connect(m_ui->list, &QListWidget::currentRowChanged, this, &LabelsDialog::chosenChanged);
    connect(m_ui->addButton, &QPushButton::clicked, this, &LabelsDialog::addLabel);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &LabelsDialog::saveLabel);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &LabelsDialog::deleteLabel);
    connect(m_ui->otherColour, &QPushButton::clicked, this, &LabelsDialog::chooseOtherColour);
    connect(m_ui->name, &QLineEdit::returnPressed, this,
        [this] { chosenId() ? saveLabel() : addLabel(); });
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    listChanged();
    setColour(label::nextColour(labels->labels()));
}

LabelsDialog::~LabelsDialog() = default;

QListWidget *LabelsDialog::list() const
{
    return m_ui->list;
}
QLineEdit *LabelsDialog::nameEdit() const
{
    return m_ui->name;
}
QComboBox *LabelsDialog::colourBox() const
{
    return m_ui->colour;
}
QLabel *LabelsDialog::statusLabel() const
{
    return m_ui->status;
}

QString LabelsDialog::describe(const Error &error)
{
    if (error.kind == Error::Kind::Invalid) {
        switch (error.code) {
        case label::NameMissing:
            return tr("Give the label a name.");
        case label::NameTaken:
            return tr("Another label has this name already.");
        case label::BadColour:
            return tr("Choose a colour for the label.");
        case label::NotFound:
            return tr("This label was deleted meanwhile.");
        default:
            break;
        }
    }
    return tr("The labels could not be changed: %1").arg(errorText(error));
}

qint64 LabelsDialog::chosenId() const
{
    const QListWidgetItem *item = m_ui->list->currentItem();
    return item ? item->data(kIdRole).toLongLong() : 0;
}

void LabelsDialog::choose(qint64 id)
{
    for (int row = 0; row < m_ui->list->count(); ++row)
        if (m_ui->list->item(row)->data(kIdRole).toLongLong() == id) {
            m_ui->list->setCurrentRow(row);
            return;
        }
}

QString LabelsDialog::colour() const
{
    return m_ui->colour->currentData().toString();
}

void LabelsDialog::setColour(const QString &colour)
{
    const QString lower = colour.toLower();
    int item = m_ui->colour->findData(lower);
    if (item < 0) { // a colour from the colour dialog: one more entry
        m_ui->colour->addItem(labelchips::swatch(lower), lower, lower);
        item = m_ui->colour->count() - 1;
    }
    m_ui->colour->setCurrentIndex(item);
}

void LabelsDialog::showStatus(const QString &text, bool problem)
{
    m_ui->status->setText(text);
    m_ui->status->setStyleSheet(problem ? QStringLiteral("color: #d03030;") : QString());
}

void LabelsDialog::listChanged()
{
    const qint64 chosen = m_chooseAfterSave ? m_chooseAfterSave : chosenId();
    m_chooseAfterSave = 0;
    {
        QSignalBlocker block(m_ui->list);
        m_ui->list->clear();
        for (const Label &label : m_labels->labels()) {
            auto *item
                = new QListWidgetItem(labelchips::swatch(label.colour), label.name, m_ui->list);
            item->setData(kIdRole, label.id);
        }
    }
    choose(chosen);
    if (chosen && chosenId() != chosen)
        m_ui->list->setCurrentRow(-1); // it was deleted
    chosenChanged();
}

void LabelsDialog::chosenChanged()
{
    const qint64 id = chosenId();
    m_ui->saveButton->setEnabled(id != 0);
    m_ui->deleteButton->setEnabled(id != 0);
    if (!id)
        return;
    const Label label = m_labels->label(id);
    m_ui->name->setText(label.name);
    setColour(label.colour);
}

void LabelsDialog::chooseOtherColour()
{
    const QColor chosen = QColorDialog::getColor(QColor(colour()), this, tr("Label colour"));
    if (chosen.isValid())
        setColour(chosen.name());
}

void LabelsDialog::write(QFuture<Result<qint64>> saving, const QString &done)
{
    onDone(saving, this, [this, done](const Result<qint64> &saved) {
        if (!saved) {
            if (saved.error().kind != Error::Kind::Cancelled)
                showStatus(describe(saved.error()), true);
            return;
        }
        m_chooseAfterSave = *saved;
        choose(*saved); // when the list is in already
        showStatus(done);
    });
}

void LabelsDialog::addLabel()
{
    const Label label { 0, m_ui->name->text(), colour() };
    if (const int problem = problemOf(label)) {
        showStatus(describe(Error::make(Error::Kind::Invalid, {}, problem)), true);
        return;
    }
    write(m_labels->save(label), tr("Added “%1”.").arg(normalizedLabelName(label.name)));
}

void LabelsDialog::saveLabel()
{
    const Label label { chosenId(), m_ui->name->text(), colour() };
    if (!label.id)
        return;
    if (const int problem = problemOf(label)) {
        showStatus(describe(Error::make(Error::Kind::Invalid, {}, problem)), true);
        return;
    }
    write(m_labels->save(label), tr("Saved “%1”.").arg(normalizedLabelName(label.name)));
}

void LabelsDialog::deleteLabel()
{
    const Label label = m_labels->label(chosenId());
    if (!label.id || !m_confirm(label))
        return;
    onDone(m_labels->remove(label.id), this, [this, name = label.name](const Status &removed) {
        if (!removed) {
            if (removed.error().kind != Error::Kind::Cancelled)
                showStatus(describe(removed.error()), true);
            return;
        }
        m_ui->name->clear();
        setColour(label::nextColour(m_labels->labels()));
        showStatus(tr("Deleted “%1”.").arg(name));
    });
}

} // namespace inlet::app
