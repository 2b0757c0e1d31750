"""How a field is named to people, in ``id`` and ``en``.

Validation speaks of fields by their protocol path ("indicators[0].target");
people know them by the words of the form ("Target (Indikator ke-1)"). The
Indonesian names are the terms of the national SKP form (domain.md), so NIP,
RHK, IKI, PPK and the like stay as they are in English too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from domain.vocab import ATTACHMENT_LABELS, BERAKHLAK_LABELS

# field -> (id, en); a (collection, field) key wins over the plain field.
_LABELS: Mapping[str, tuple[str, str]] = {
    # the envelope and mutations
    "collection": ("Koleksi", "Collection"),
    "id": ("ID", "ID"),
    "rev": ("Revisi", "Revision"),
    "seq": ("Nomor urut server", "Server sequence"),
    "deleted": ("Tanda terhapus", "Deleted flag"),
    "owner": ("NIP pemilik", "Owner NIP"),
    "created_by": ("NIP pembuat", "Created-by NIP"),
    "created_at": ("Waktu dibuat", "Created at"),
    "updated_by": ("NIP pengubah", "Updated-by NIP"),
    "updated_at": ("Waktu ubah", "Updated at"),
    "conflicts": ("Konflik", "Conflict"),
    "data": ("Data", "Data"),
    "mutation_id": ("ID perubahan", "Mutation ID"),
    "op": ("Operasi", "Operation"),
    "base_rev": ("Revisi dasar", "Base revision"),
    "resolves": ("Konflik yang diselesaikan", "Resolved conflicts"),
    "by": ("NIP penulis", "Author NIP"),
    "at": ("Waktu", "Time"),
    "error": ("Galat", "Error"),
    "current": ("Versi server", "Server version"),
    "code": ("Kode", "Code"),
    "message": ("Pesan", "Message"),
    # employee, unit, period
    "nip": ("NIP", "NIP"),
    "name": ("Nama", "Name"),
    "kind": ("Jenis", "Kind"),
    "employee.kind": ("Jenis pegawai", "Employee kind"),
    "rank": ("Pangkat/Golongan", "Pangkat/Golongan (rank)"),
    "position": ("Jabatan", "Jabatan (position)"),
    "unit_id": ("Unit Kerja", "Unit Kerja (unit)"),
    "atasan_nip": ("NIP atasan", "Atasan NIP"),
    "roles": ("Peran", "Roles"),
    "active": ("Status aktif", "Active"),
    "parent_id": ("Unit induk", "Parent unit"),
    "head_nip": ("NIP kepala unit", "Unit head NIP"),
    "ratings": ("Predikat kinerja organisasi", "Organisation predikat"),
    "year": ("Tahun", "Year"),
    "start": ("Tanggal mulai", "Start date"),
    "end": ("Tanggal selesai", "End date"),
    "fill_deadline": ("Batas pengisian", "Fill-in deadline"),
    # plan and plan_item
    "period_id": ("Periode Penilaian", "Periode Penilaian (period)"),
    "ppk_nip": ("NIP PPK", "PPK NIP"),
    "approach": ("Pendekatan", "Approach"),
    "status": ("Status", "Status"),
    "return_note": ("Catatan pengembalian", "Return note"),
    "expectations": ("Ekspektasi Khusus Pimpinan", "Ekspektasi Khusus Pimpinan (expectations)"),
    "attachments": ("Lampiran", "Lampiran (attachments)"),
    "plan_id": ("SKP", "SKP"),
    "plan_item.kind": ("Jenis hasil kerja", "Kind of hasil kerja"),
    "parent_item_id": ("RHK atasan yang diintervensi", "Atasan's RHK served"),
    "text": ("Teks", "Text"),
    "plan_item.text": ("RHK", "RHK"),
    "feedback.text": ("Isi umpan balik", "Umpan balik text"),
    "indicators": ("Indikator", "Indicator"),
    "aspect": ("Aspek", "Aspect"),
    "indicator": ("IKI", "IKI"),
    "target": ("Target", "Target"),
    "unit": ("Satuan", "Unit of measure"),
    "target_text": ("Target (uraian)", "Target (narrative)"),
    # progress, feedback
    "plan_item_id": ("RHK", "RHK"),
    "values": ("Realisasi", "Realisasi value"),
    "note": ("Catatan", "Note"),
    "evidence": ("Bukti dukung", "Evidence"),
    "label": ("Nama bukti", "Evidence label"),
    "url": ("Tautan bukti", "Evidence link"),
    "blob": ("Berkas bukti", "Evidence file"),
    "sha256": ("Sidik SHA-256", "SHA-256 digest"),
    "size": ("Ukuran berkas", "File size"),
    "type": ("Jenis berkas", "File type"),
    "acknowledged_at": ("Waktu dibaca", "Acknowledged at"),
    # evaluation, objection
    "result_rating": ("Rating hasil kerja", "Rating hasil kerja (result)"),
    "behaviour_rating": ("Rating perilaku kerja", "Rating perilaku kerja (behaviour)"),
    "behaviour_notes": ("Catatan perilaku kerja", "Behaviour notes"),
    "item_notes": ("Catatan per RHK", "Notes per RHK"),
    "predikat": ("Predikat", "Predikat"),
    "predikats": ("Predikat", "Predikat"),
    "org_rating": ("Predikat kinerja organisasi", "Organisation predikat"),
    "trainings": ("Pelatihan", "Training"),
    "finalised_at": ("Waktu final", "Finalised at"),
    "evaluation_id": ("Penilaian", "Evaluation"),
    "reason": ("Alasan keberatan", "Reason for the objection"),
    "filed_at": ("Waktu pengajuan", "Filed at"),
    "decision": ("Keputusan", "Decision"),
    "outcome": ("Hasil keputusan", "Outcome"),
    "decided_by": ("NIP pemutus", "Decided-by NIP"),
    "decided_at": ("Waktu keputusan", "Decided at"),
    # training, follow_up
    "title": ("Nama pelatihan", "Training title"),
    "path": ("Jalur pengembangan", "Development path"),
    "jp": ("JP", "JP (jam pelajaran)"),
    "organiser": ("Penyelenggara", "Organiser"),
    "certificate": ("Sertifikat", "Certificate"),
    "description": ("Uraian", "Description"),
    "due": ("Tenggat", "Due date"),
    "steps": ("Tahapan", "Steps"),
    "step": ("Tahap", "Step"),
    "date": ("Tanggal", "Date"),
    "level": ("Tingkat hukuman disiplin", "Sanction level"),
    # acting
    "acting.nip": ("NIP pejabat Plt/Plh", "Acting official NIP"),
    "acting.kind": ("Jenis (Plt/Plh)", "Kind (Plt/Plh)"),
    "for_nip": ("NIP pejabat yang digantikan", "NIP of the official stood in for"),
    "decree": ("Nomor SK", "Decree (SK) number"),
}

_SEGMENT = re.compile(r"([^.\[\]]+)((?:\[\d+\])*)")


def _name(key: str, lang: str, collection: str | None) -> str:
    labels = _LABELS.get(f"{collection}.{key}") or _LABELS.get(key)
    if labels is not None:
        return labels[1] if lang == "en" else labels[0]
    if key in BERAKHLAK_LABELS:
        return BERAKHLAK_LABELS[key]  # type: ignore[index]
    if key in ATTACHMENT_LABELS:
        return ATTACHMENT_LABELS[key]  # type: ignore[index]
    return key  # a free key, e.g. a period id in a unit's ratings


def _numbered(name: str, indexes: str, lang: str) -> str:
    for index in re.findall(r"\d+", indexes):
        number = int(index) + 1
        name = f"{name} {number}" if lang == "en" else f"{name} ke-{number}"
    return name


def field_label(
    path: str, lang: str = "id", collection: str | None = None, verbatim: bool = False
) -> str:
    """The name of a field path for people: the field itself, then where it sits.

    ``indicators[0].target`` -> "Target (Indikator ke-1)" / "Target (Indicator 1)".
    ``verbatim`` keeps the field's own key as written (for a key that is unknown
    and so has no label, but may look like one that has).
    """
    lang = "en" if lang.startswith("en") else "id"
    segments = _SEGMENT.findall(path)
    if not segments:
        return path
    key, indexes = segments[-1]
    label = _numbered(key if verbatim else _name(key, lang, collection), indexes, lang)
    # "data" only wraps a record's fields; naming it would be noise
    context = [
        _numbered(_name(k, lang, collection), i, lang) for k, i in segments[:-1] if k != "data"
    ]
    if context:
        label = f"{label} ({', '.join(reversed(context))})"
    return label
