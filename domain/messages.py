"""The one catalogue of validation and permission messages, in ``id`` and ``en``.

Every message names the field (by its label on the form, see
``domain.field_labels``), says what is wrong and how to put it right. The
server sends the Indonesian text in its ``error.message`` (protocol.md); the
client shows either language from the same ``Issue`` or ``Denial``. Official
terms (SKP, RHK, IKI, NIP, PPK, predikat, realisasi) stay Indonesian in
English messages too.

Templates use ``str.format``: ``{field}`` is the label of the issue's field,
and any parameter whose name ends in ``_field`` is a field path that is
rendered as its label as well.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from domain.field_labels import field_label

# code -> (id, en)
CATALOGUE: Mapping[str, tuple[str, str]] = {
    # --- shapes and values --------------------------------------------------
    "required": (
        "{field} wajib diisi; isi dulu lalu simpan lagi.",
        "{field} is required; fill it in and save again.",
    ),
    "text": (
        "{field} harus berupa teks, misalnya satu kalimat; tulis ulang sebagai teks.",
        "{field} must be text, for example a sentence; write it again as text.",
    ),
    "number": (
        "{field} harus berupa angka, misalnya 120. Tulis tanpa huruf.",
        "{field} must be a number, for example 120. Write it without letters.",
    ),
    "integer": (
        "{field} harus berupa bilangan bulat, misalnya {example}. Tulis tanpa koma dan huruf.",
        "{field} must be a whole number, for example {example}. Write it without a decimal point or letters.",
    ),
    "positive": (
        "{field} harus lebih dari 0, misalnya {example}; isi jumlah yang sebenarnya.",
        "{field} must be more than 0, for example {example}; enter the real amount.",
    ),
    "not_negative": (
        "{field} tidak boleh negatif; gunakan 0 atau lebih.",
        "{field} must not be negative; use 0 or more.",
    ),
    "range": (
        "{field} harus di antara {low} dan {high}; periksa lagi angkanya.",
        "{field} must be between {low} and {high}; check the number again.",
    ),
    "boolean": (
        "{field} harus ya atau tidak (true atau false).",
        "{field} must be yes or no (true or false).",
    ),
    "list": (
        "{field} harus berupa daftar; gunakan daftar kosong bila belum ada isinya.",
        "{field} must be a list; use an empty list when there is nothing yet.",
    ),
    "mapping": (
        "{field} harus berupa pasangan nama dan isi (objek JSON); susun ulang isiannya.",
        "{field} must be a set of names and values (a JSON object); arrange it that way.",
    ),
    "not_empty": (
        "{field} harus berisi paling sedikit satu baris; tambahkan satu.",
        "{field} needs at least one entry; add one.",
    ),
    "choice": (
        "{field} harus salah satu dari: {choices}. Pilih salah satunya.",
        "{field} must be one of: {choices}. Pick one of them.",
    ),
    "date": (
        "{field} harus berupa tanggal dengan format TTTT-BB-HH, misalnya 2026-01-31.",
        "{field} must be a date written YYYY-MM-DD, for example 2026-01-31.",
    ),
    "datetime": (
        "{field} harus berupa waktu ISO 8601 dengan zona waktu, misalnya 2026-01-31T09:00:00+09:00.",
        "{field} must be an ISO 8601 time with its offset, for example 2026-01-31T09:00:00+09:00.",
    ),
    "date_order": (
        "{field} tidak boleh sebelum {other_field} ({other}); ubah salah satu tanggalnya.",
        "{field} must not be before {other_field} ({other}); change one of the dates.",
    ),
    "uuid": (
        "{field} harus berupa UUID, misalnya 0b8f6c1e-4f1a-4c7e-9a57-2d5d3c1f9e10; biarkan aplikasi yang membuatnya.",
        "{field} must be a UUID, for example 0b8f6c1e-4f1a-4c7e-9a57-2d5d3c1f9e10; let the application make it.",
    ),
    "unknown_field": (
        'Isian "{field}" tidak dikenal di sini; hapus isian ini.',
        'The field "{field}" is not known here; remove it.',
    ),
    "must_be_null": (
        "{field} harus kosong (null) untuk {collection}; hapus isinya.",
        "{field} must be empty (null) for {collection}; remove it.",
    ),
    "must_match": (
        "{field} harus sama dengan {other_field} ({other}); samakan keduanya.",
        "{field} must equal {other_field} ({other}); make them the same.",
    ),
    "invalid": (
        "{field} harus {expected} menurut kuadran kinerja (rating hasil kerja {result}, rating perilaku kerja {behaviour}); pilih {expected}.",
        "{field} must be {expected} by the kuadran kinerja (rating hasil kerja {result}, rating perilaku kerja {behaviour}); choose {expected}.",
    ),
    "too_long": (
        "{field} terlalu panjang: paling banyak {limit} karakter; persingkat isinya.",
        "{field} is too long: at most {limit} characters; shorten it.",
    ),
    "control_character": (
        "{field} memuat karakter kendali yang tidak tampak; hapus karakter itu (baris baru dan tab boleh).",
        "{field} holds an invisible control character; remove it (new lines and tabs are fine).",
    ),
    "too_many": (
        "{field} paling banyak {limit} isian; hapus yang berlebih.",
        "{field} takes at most {limit} entries; remove the extra ones.",
    ),
    "url_scheme": (
        "{field} harus alamat web yang diawali http:// atau https://, misalnya https://arsip.example/berkas.",
        "{field} must be a web address starting with http:// or https://, for example https://arsip.example/file.",
    ),
    "evidence_source": (
        "{field} berupa tautan atau berkas, salah satu saja; hapus salah satunya.",
        "{field} is either a link or a file, not both; remove one of them.",
    ),
    "sha256": (
        "{field} harus sidik SHA-256: 64 angka heksadesimal huruf kecil; biarkan aplikasi yang menghitungnya.",
        "{field} must be a SHA-256 digest: 64 lowercase hexadecimal digits; let the application compute it.",
    ),
    "media_type": (
        "{field} harus jenis berkas seperti application/pdf atau image/jpeg.",
        "{field} must be a file type such as application/pdf or image/jpeg.",
    ),
    "level_only_sanction": (
        "{field} hanya diisi untuk tindak lanjut berupa sanksi; kosongkan untuk jenis lain.",
        "{field} is only for a sanction; leave it empty for other kinds.",
    ),
    "reference_missing": (
        "{field} menunjuk {target} yang tidak ada; pilih {target} yang sudah tersimpan dan tersinkron.",
        "{field} names a {target} that does not exist; choose one that is saved and synced.",
    ),
    "reference_other_owner": (
        "{field} menunjuk {target} milik pegawai lain; pilih {target} milik pegawai ini sendiri.",
        "{field} names a {target} of another employee; choose one of this employee's own.",
    ),
    "reference_changed": (
        "{field} tidak bisa diubah setelah disimpan; buat data baru bila perlu menunjuk yang lain.",
        "{field} cannot change once saved; make a new record to point elsewhere.",
    ),
    "plan_full": (
        "SKP ini sudah memiliki {limit} RHK, batas paling banyak; hapus salah satu dulu.",
        "This SKP already has {limit} RHK, the most it may have; delete one first.",
    ),
    "evaluation_exists": (
        "Sudah ada penilaian lain untuk SKP dan periode ini; ubah penilaian itu saja.",
        "There is already an evaluation of this SKP for this period; edit that one instead.",
    ),
    "final_needs_approved": (
        "Penilaian baru bisa difinalkan bila SKP-nya sudah disetujui PPK.",
        "An evaluation can be finalised only once its SKP is approved.",
    ),
    "nip_own": (
        "{field} tidak boleh NIP pegawai itu sendiri; isi NIP orang lain.",
        "{field} cannot be the employee's own NIP; give someone else's.",
    ),
    "nip_unknown": (
        "{field} {nip} bukan NIP pegawai yang terdaftar; periksa lagi NIP-nya.",
        "{field} {nip} is not the NIP of a registered employee; check it.",
    ),
    "atasan_cycle": (
        "{field} {nip} membuat rantai atasan berputar (seseorang menjadi atasan dari atasannya sendiri); pilih atasan lain.",
        "{field} {nip} would make the atasan chain a loop (someone above their own superior); choose another atasan.",
    ),
    "blob_missing": (
        "Berkas bukti dukung {name} belum ada di server; unggah berkasnya dulu, lalu kirim lagi.",
        "The evidence file {name} is not on the server; upload it first, then send again.",
    ),
    "values_count": (
        "{field} harus berisi {expected} nilai, satu untuk setiap indikator RHK, sekarang {count}; isi yang belum ada dengan kosong (null).",
        "{field} must hold {expected} values, one per indicator of the RHK, it has {count}; leave the missing ones empty (null).",
    ),
    "required_when_final": (
        "{field} wajib diisi bila penilaian berstatus final; isi waktu penilaian difinalkan.",
        "{field} is required once the evaluation is final; fill in when it was finalised.",
    ),
    "decision_needs_rating": (
        "{field}: keputusan 'Penilaian Diubah' harus menyertakan rating hasil kerja atau rating perilaku kerja yang baru; isi paling sedikit satu.",
        "{field}: a 'Penilaian Diubah' decision must carry a new rating hasil kerja or rating perilaku kerja; fill in at least one.",
    ),
    # --- NIP ------------------------------------------------------------------
    "nip_characters": (
        "{field} hanya boleh berisi angka; hapus {characters}.",
        "{field} may hold digits only; remove {characters}.",
    ),
    "nip_spaces": (
        "{field} disimpan sebagai 18 angka tanpa spasi; hapus spasinya.",
        "{field} is stored as 18 digits without spaces; remove the spaces.",
    ),
    "nip_length": (
        "{field} harus 18 angka, sekarang {count} angka; cocokkan lagi dengan SK atau kartu pegawai.",
        "{field} must have 18 digits, it has {count}; check it against the SK or the staff card.",
    ),
    "nip_birth_month": (
        "{field}: angka ke-5 dan ke-6 adalah bulan lahir, tetapi {month} bukan bulan (01-12); periksa lagi.",
        "{field}: digits 5 and 6 are the birth month, but {month} is not a month (01-12); check them again.",
    ),
    "nip_birth_day": (
        "{field}: delapan angka pertama harus tanggal lahir yang ada, tetapi tanggal {day} tidak ada pada bulan {month} tahun {year}; periksa lagi.",
        "{field}: the first eight digits must be a real birth date, but day {day} does not exist in month {month} of {year}; check them again.",
    ),
    "nip_birth_future": (
        "{field}: tanggal lahir {birth} ada di masa depan; periksa delapan angka pertama.",
        "{field}: the birth date {birth} is in the future; check the first eight digits.",
    ),
    "nip_tmt_month": (
        "{field}: angka ke-13 dan ke-14 adalah bulan TMT CPNS, tetapi {month} bukan bulan (01-12); periksa lagi.",
        "{field}: digits 13 and 14 are the month of appointment (TMT CPNS), but {month} is not a month (01-12); check them again.",
    ),
    "nip_tmt_before_birth": (
        "{field}: TMT CPNS {tmt} lebih awal dari tanggal lahir {birth}; periksa angka ke-1 sampai ke-14.",
        "{field}: the appointment (TMT CPNS) {tmt} is before the birth date {birth}; check digits 1 to 14.",
    ),
    "nip_tmt_age": (
        "{field}: menurut NIP ini pegawai diangkat pada umur {age} tahun, di luar batas {low}-{high} tahun; periksa angka ke-1 sampai ke-14.",
        "{field}: this NIP says the employee was appointed at age {age}, outside {low}-{high}; check digits 1 to 14.",
    ),
    "nip_gender": (
        "{field}: angka ke-15 harus 1 (laki-laki) atau 2 (perempuan), bukan {digit}; periksa lagi.",
        "{field}: digit 15 must be 1 (male) or 2 (female), not {digit}; check it again.",
    ),
    "nip_sequence": (
        "{field}: tiga angka terakhir adalah nomor urut dan dimulai dari 001, bukan 000; periksa lagi.",
        "{field}: the last three digits are a sequence number starting at 001, not 000; check them again.",
    ),
    # --- the distribution curve (SE MenPANRB 3/2023), warnings only ------------
    "curve_at_most_percent": (
        "paling banyak {limit} % {predikats}",
        "at most {limit} % {predikats}",
    ),
    "curve_at_most_count": (
        "paling banyak {limit} orang {predikats}",
        "at most {limit} {predikats}",
    ),
    "curve_at_least_percent": (
        "paling sedikit {limit} % {predikats}",
        "at least {limit} % {predikats}",
    ),
    "curve_at_least_count": (
        "paling sedikit {limit} orang {predikats}",
        "at least {limit} {predikats}",
    ),
    "curve_most": ("{predikats} menjadi kelompok terbesar", "{predikats} the largest group"),
    "curve_none": ("tidak ada {predikats}", "no {predikats}"),
    "curve_breach": (
        "Predikat organisasi {org}: aturan '{rule}' tidak terpenuhi. Sekarang {actual} dari {team} orang ({percent} %) {predikats}; predikat {by} orang harus berbeda agar aturan ini terpenuhi.",
        "Organisation predikat {org}: the rule '{rule}' is not met. Now {actual} of {team} people ({percent} %) are {predikats}; {by} would need a different predikat for it to hold.",
    ),
    # --- permissions (protocol.md, "Who may write what") ----------------------
    "collection_unknown": (
        "Jenis data ini tidak dikenal, jadi tidak bisa disimpan; perbarui aplikasi.",
        "This kind of record is not known, so it cannot be saved; update the application.",
    ),
    "admin_only": (
        "Hanya admin kinerja (BKD/BKPSDM) yang boleh mengubah data pegawai, unit kerja, periode, dan pejabat Plt/Plh; minta admin mengubahnya.",
        "Only the admin kinerja (BKD/BKPSDM) may change employees, units, periods and acting officials (Plt/Plh); ask the admin to change it.",
    ),
    "plan_owner_only": (
        "SKP hanya boleh disusun dan diubah oleh pegawai pemiliknya; PPK hanya menyetujui atau mengembalikannya.",
        "Only the employee who owns an SKP may draft or edit it; the PPK only approves or returns it.",
    ),
    "plan_owner_status": (
        "Pegawai hanya boleh menyimpan SKP sebagai draf atau mengajukannya; persetujuan dan pengembalian diberikan PPK.",
        "An employee may only keep an SKP as a draft or submit it; the PPK approves or returns it.",
    ),
    "plan_submitted": (
        "SKP ini sedang diajukan kepada PPK dan tidak bisa diubah; tunggu sampai disetujui atau dikembalikan.",
        "This SKP is submitted to the PPK and cannot be changed; wait until it is approved or returned.",
    ),
    "plan_approved": (
        "SKP ini sudah disetujui dan tidak bisa diubah lagi; minta PPK mengembalikannya bila perlu perubahan.",
        "This SKP is approved and can no longer be changed; ask the PPK to return it if it needs a change.",
    ),
    "plan_ppk_status_only": (
        "PPK hanya boleh mengubah status SKP, catatan pengembalian, dan Ekspektasi Khusus Pimpinan; isi SKP lainnya diubah oleh pegawai.",
        "The PPK may change only the SKP's status, return note and Ekspektasi Khusus Pimpinan; the employee edits the rest.",
    ),
    "plan_expectations_ppk": (
        "Ekspektasi Khusus Pimpinan ditulis oleh PPK, bukan oleh pegawai; biarkan bagian itu seperti semula.",
        "The Ekspektasi Khusus Pimpinan are written by the PPK, not the employee; leave them as they were.",
    ),
    "plan_ppk_transition": (
        "PPK hanya boleh menyetujui SKP yang diajukan, atau mengembalikan SKP yang diajukan atau disetujui.",
        "The PPK may only approve a submitted SKP, or return a submitted or approved one.",
    ),
    "plan_return_note": (
        "Catatan pengembalian wajib diisi saat mengembalikan SKP; tulis apa yang perlu diperbaiki.",
        "A return note is required when returning an SKP; write what needs to be fixed.",
    ),
    "plan_unknown": (
        "SKP induknya belum ada; simpan SKP-nya dulu, lalu coba lagi.",
        "Its SKP does not exist yet; save the SKP first, then try again.",
    ),
    "plan_item_owner_only": (
        "RHK hanya boleh ditulis oleh pegawai pemilik SKP.",
        "Only the employee who owns the SKP may write its RHK.",
    ),
    "progress_owner_only": (
        "Realisasi hanya boleh dicatat oleh pegawai pemiliknya.",
        "Only the employee it belongs to may record realisasi.",
    ),
    "progress_plan_not_approved": (
        "Realisasi baru bisa dicatat setelah SKP disetujui PPK; ajukan SKP dan tunggu persetujuannya.",
        "Realisasi can be recorded only once the PPK has approved the SKP; submit it and wait for approval.",
    ),
    "feedback_ppk_only": (
        "Umpan balik hanya boleh ditulis oleh PPK pegawai ini.",
        "Only this employee's PPK may write umpan balik.",
    ),
    "feedback_acknowledge_owner": (
        "Hanya pegawai penerima yang boleh menandai umpan balik sudah dibaca; PPK tidak mengisi waktu dibaca.",
        "Only the employee who receives it may mark umpan balik as read; the PPK leaves the time read empty.",
    ),
    "feedback_acknowledge_only": (
        "Pegawai hanya boleh menandai umpan balik sudah dibaca; isinya ditulis oleh PPK.",
        "The employee may only mark umpan balik as read; the PPK writes its content.",
    ),
    "evaluation_ppk_only": (
        "Penilaian hanya boleh ditulis oleh PPK pegawai ini; atasan PPK hanya saat memutus keberatan.",
        "Only this employee's PPK may write the evaluation; the atasan PPK only when deciding an objection.",
    ),
    "evaluation_final": (
        "Penilaian ini sudah final dan tidak bisa diubah; pegawai dapat mengajukan keberatan kepada atasan PPK.",
        "This evaluation is final and cannot be changed; the employee may object to the atasan PPK.",
    ),
    "evaluation_objection_delete": (
        "Atasan PPK memutus keberatan dengan mengubah penilaian, bukan menghapusnya.",
        "The atasan PPK decides an objection by changing the evaluation, not by deleting it.",
    ),
    "objection_owner_only": (
        "Keberatan hanya boleh diajukan oleh pegawai yang dinilai; atasan PPK mengisi keputusannya.",
        "Only the evaluated employee may file an objection; the atasan PPK writes its decision.",
    ),
    "objection_not_final": (
        "Keberatan baru bisa diajukan setelah penilaiannya final.",
        "An objection can be filed only once the evaluation is final.",
    ),
    "objection_closed": (
        "Batas waktu keberatan sudah lewat: 14 hari sejak penilaian final, sampai {deadline}.",
        "The time to object has passed: 14 days from the final evaluation, until {deadline}.",
    ),
    "objection_decided": (
        "Keberatan ini sudah diputus atasan PPK, dan keputusan itu final.",
        "The atasan PPK has decided this objection, and that decision is final.",
    ),
    "objection_decision_only": (
        "Atasan PPK hanya mengisi keputusan keberatan; alasan dan waktu pengajuan ditulis pegawai.",
        "The atasan PPK only writes the decision; the employee writes the reason and filing time.",
    ),
    "objection_owner_decision": (
        "Keputusan keberatan diisi oleh atasan PPK, bukan oleh pegawai; kosongkan keputusannya.",
        "The atasan PPK writes the decision, not the employee; leave the decision empty.",
    ),
    "objection_decided_by": (
        "Keputusan harus dicatat atas nama atasan PPK yang memutusnya (NIP {nip}).",
        "The decision must be recorded in the name of the atasan PPK deciding it (NIP {nip}).",
    ),
    "training_owner_or_admin": (
        "Pelatihan hanya boleh dicatat oleh pegawai pemiliknya atau admin kinerja.",
        "Only the employee it belongs to or the admin kinerja may record training.",
    ),
    "follow_up_ppk_or_admin": (
        "Tindak lanjut hanya boleh dicatat oleh PPK pegawai ini atau admin kinerja.",
        "Only this employee's PPK or the admin kinerja may record a tindak lanjut.",
    ),
}


def _lang(lang: str) -> str:
    return "en" if lang.lower().startswith("en") else "id"


def render(
    code: str,
    params: Mapping[str, object],
    lang: str = "id",
    field: str | None = None,
    collection: str | None = None,
) -> str:
    """The text of one catalogue entry with its parameters filled in."""
    lang = _lang(lang)
    id_text, en_text = CATALOGUE[code]
    values = {
        key: field_label(str(value), lang, collection) if key.endswith("_field") else value
        for key, value in params.items()
    }
    if field is not None:
        values["field"] = field_label(field, lang, collection, verbatim=code == "unknown_field")
    return (en_text if lang == "en" else id_text).format(**values)


@dataclasses.dataclass(frozen=True)
class Issue:
    """One thing wrong with a value: where (a dotted path), what (a code), details."""

    field: str
    code: str
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)
    collection: str | None = None  # labels like "text" read differently per collection

    def message(self, lang: str = "id") -> str:
        return render(self.code, self.params, lang, self.field, self.collection)

    def under(self, prefix: str) -> Issue:
        """The same issue, its field path placed under ``prefix`` (e.g. ``"data"``)."""
        path = self.field if self.field.startswith("[") else f".{self.field}"
        return Issue(f"{prefix}{path}", self.code, self.params, self.collection)
