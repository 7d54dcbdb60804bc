<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AgreementChart</name>
    <message>
        <source>n/a</source>
        <translation>غير متاح</translation>
    </message>
    <message>
        <source>alpha-U</source>
        <translation>ألفا التقطيع</translation>
    </message>
    <message>
        <source>F1 exact</source>
        <translation>مقياس F1 (تطابق تام)</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>الموسِّمون</translation>
    </message>
    <message>
        <source>F1 exact</source>
        <translation>مقياس F1 (تطابق تام)</translation>
    </message>
    <message>
        <source>F1 overlap</source>
        <translation>مقياس F1 (تداخل)</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>كابا</translation>
    </message>
    <message>
        <source>Alpha-U</source>
        <translation>ألفا التقطيع</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>all labels</source>
        <translation>كل الوسوم</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>group: {annotators}</source>
        <translation>المجموعة: {annotators}</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>الاتفاق بين الموسِّمين</translation>
    </message>
    <message>
        <source>&amp;Recompute</source>
        <translation>إعادة ال&amp;حساب</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>ال&amp;وسوم</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>ال&amp;مستندات</translation>
    </message>
    <message>
        <source>&amp;Chart</source>
        <translation>ال&amp;رسم البياني</translation>
    </message>
    <message>
        <source>Annotators:</source>
        <translation>الموسِّمون:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>الحالة:</translation>
    </message>
    <message>
        <source>Comparing annotators…</source>
        <translation>مقارنة الموسِّمين…</translation>
    </message>
    <message>
        <source>{documents} documents, {tokens} tokens; kappa: Cohen&apos;s for a pair, Fleiss&apos; for the group</source>
        <translation>المستندات: {documents}، الكلمات: {tokens}؛ كابا: معامل كوهين للزوج، ومعامل فلايس للمجموعة</translation>
    </message>
    <message>
        <source>Agreement needs at least two annotators: tick them in the list (ticked: {names})</source>
        <translation>يحتاج الاتفاق إلى موسِّمَين على الأقل: حدِّدهما في القائمة (المحدَّدون: {names})</translation>
    </message>
    <message>
        <source>No documents to compare: none that {names} all marked done. Choose {any} to compare every document.</source>
        <translation>لا مستندات للمقارنة: لم يعلِّم {names} جميعًا أيَّ مستند منجزًا. اختر «{any}» لمقارنة كل المستندات.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <source>done</source>
        <translation>منجز</translation>
    </message>
</context>
<context>
    <name>Annotating</name>
    <message>
        <source>Link {relation}…</source>
        <translation>ربط {relation}…</translation>
    </message>
    <message>
        <source>Unlink…</source>
        <translation>فك الربط…</translation>
    </message>
    <message>
        <source>Pick from a list</source>
        <translation>الاختيار من قائمة</translation>
    </message>
    <message>
        <source>Cancel linking</source>
        <translation>إلغاء الربط</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;إعادة</translation>
    </message>
    <message>
        <source>{label} ({name})</source>
        <comment>a label&apos;s key</comment>
        <translation>{label}</translation>
    </message>
    <message>
        <source>{label}, exact characters</source>
        <translation>{label}، بالمحارف المحددة تمامًا</translation>
    </message>
    <message>
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <source>Take attached و ف ب ل ك off, or put them back</source>
        <translation>فصل حروف و ف ب ل ك المتصلة أو إعادتها</translation>
    </message>
    <message>
        <source>Remove article (ال)</source>
        <translation>حذف أداة التعريف (ال)</translation>
    </message>
    <message>
        <source>Edit attributes…</source>
        <translation>تحرير السمات…</translation>
    </message>
    <message>
        <source>Annotate every mention…</source>
        <translation>توسيم كل الورود…</translation>
    </message>
    <message>
        <source>Annotate every mention in all documents…</source>
        <translation>توسيم كل الورود في كل المستندات…</translation>
    </message>
    <message>
        <source>Select the span at the cursor</source>
        <translation>تحديد المقطع عند المؤشر</translation>
    </message>
    <message>
        <source>Select some text (or a span) first.</source>
        <translation>حدِّد نصًا (أو مقطعًا) أولًا.</translation>
    </message>
    <message>
        <source>The selection holds no word.</source>
        <translation>لا يحوي التحديد أي كلمة.</translation>
    </message>
    <message>
        <source>{label} ‘{text}’ saved without ‘{left_out}’ (X puts it back)</source>
        <translation>حُفظ {label} «{text}» دون «{left_out}» (المفتاح X يعيدها)</translation>
    </message>
    <message>
        <source>“{text}” is the {relations} of {count} quotes. Delete it and those links?</source>
        <translation>«{text}» هو {relations} في اقتباسات عددها {count}. أتحذفه وتحذف تلك الروابط؟</translation>
    </message>
    <message>
        <source>“{text}” is the {relations} of 1 quote. Delete it and that link?</source>
        <translation>«{text}» هو {relations} في اقتباس واحد. أتحذفه وتحذف ذلك الربط؟</translation>
    </message>
    <message>
        <source>Delete a linked span</source>
        <translation>حذف مقطع مربوط</translation>
    </message>
    <message>
        <source>{label} has no attributes.</source>
        <translation>ليس لوسم {label} سمات.</translation>
    </message>
    <message>
        <source>No other mention of it in this document.</source>
        <translation>لا ورود آخر له في هذا المستند.</translation>
    </message>
    <message>
        <source>No other mention of it in any document.</source>
        <translation>لا ورود آخر له في أي مستند.</translation>
    </message>
    <message>
        <source>{relation} starts from {labels}.</source>
        <translation>علاقة {relation} تبدأ من: {labels}.</translation>
    </message>
    <message>
        <source>Linking {relation}: click the span it links to (Enter: choose from a list). A click anywhere else, or Esc, cancels.</source>
        <translation>ربط {relation}: انقر على المقطع الذي يُربط به (Enter: الاختيار من قائمة). النقر في أي مكان آخر، أو Esc، يلغي الربط.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> أو </translation>
    </message>
    <message>
        <source>Linking {relation}: click the {labels} it links to (Enter: choose from a list). A click anywhere else, or Esc, cancels.</source>
        <translation>ربط {relation}: انقر على المقطع ({labels}) الذي يُربط به (Enter: الاختيار من قائمة). النقر في أي مكان آخر، أو Esc، يلغي الربط.</translation>
    </message>
    <message>
        <source>Linking cancelled.</source>
        <translation>أُلغي الربط.</translation>
    </message>
    <message>
        <source>No span here can be the {relation}; linking cancelled.</source>
        <translation>لا مقطع هنا يصلح أن يكون {relation}؛ أُلغي الربط.</translation>
    </message>
    <message>
        <source>The selected span has no links.</source>
        <translation>ليس للمقطع المحدد روابط.</translation>
    </message>
    <message>
        <source>Undid: {step}</source>
        <translation>تم التراجع عن: {step}</translation>
    </message>
    <message>
        <source>Redid: {step}</source>
        <translation>تمت إعادة: {step}</translation>
    </message>
    <message>
        <source>&amp;Undo {step}</source>
        <translation>&amp;تراجع عن {step}</translation>
    </message>
    <message>
        <source>&amp;Redo {step}</source>
        <translation>&amp;إعادة {step}</translation>
    </message>
    <message>
        <source>Select a span first (click it, or press Space on it).</source>
        <translation>حدِّد مقطعًا أولًا (انقر عليه، أو اضغط Space عليه).</translation>
    </message>
    <message>
        <source>That span is another annotator&apos;s; you can only change your own.</source>
        <translation>هذا المقطع لموسِّم آخر؛ لا يمكنك أن تغيّر إلا مقاطعك.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of a list</comment>
        <translation>، </translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation>حُفظ الساعة {time}</translation>
    </message>
    <message>
        <source>Grow at the start by a character</source>
        <translation>مدّ المقطع من بدايته محرفًا</translation>
    </message>
    <message>
        <source>Shrink at the start by a character</source>
        <translation>تقليص المقطع من بدايته محرفًا</translation>
    </message>
    <message>
        <source>Grow at the end by a character</source>
        <translation>مدّ المقطع من نهايته محرفًا</translation>
    </message>
    <message>
        <source>Shrink at the end by a character</source>
        <translation>تقليص المقطع من نهايته محرفًا</translation>
    </message>
    <message>
        <source>Grow at the start by a word</source>
        <translation>مدّ المقطع من بدايته كلمةً</translation>
    </message>
    <message>
        <source>Shrink at the start by a word</source>
        <translation>تقليص المقطع من بدايته كلمةً</translation>
    </message>
    <message>
        <source>Grow at the end by a word</source>
        <translation>مدّ المقطع من نهايته كلمةً</translation>
    </message>
    <message>
        <source>Shrink at the end by a word</source>
        <translation>تقليص المقطع من نهايته كلمةً</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>الموسِّم</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>يدوي</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>مستورد</translation>
    </message>
    <message>
        <source>propagated</source>
        <translation>معمَّم</translation>
    </message>
    <message>
        <source>adjudicated</source>
        <translation>محكَّم</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>مقترَح</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Last project not opened</source>
        <translation>لم يُفتح المشروع الأخير</translation>
    </message>
    <message>
        <source>{problem}

The sample project is open instead.</source>
        <translation>{problem}

فُتح المشروع النموذجي بدلًا منه.</translation>
    </message>
</context>
<context>
    <name>AttributesDialog</name>
    <message>
        <source>{label} attributes</source>
        <translation>سمات {label}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
</context>
<context>
    <name>CommentMarks</name>
    <message>
        <source>{sign} {count} ({resolved} resolved)</source>
        <translation>{sign} {count} (المحلولة: {resolved})</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of flags</comment>
        <translation>، </translation>
    </message>
    <message>
        <source>{author}, {date}: {body}</source>
        <translation>{author}، {date}: {body}</translation>
    </message>
    <message>
        <source> (on a deleted span: {span})</source>
        <translation> (على مقطع محذوف: {span})</translation>
    </message>
    <message>
        <source> [resolved by {name}]</source>
        <translation> [حلّه {name}]</translation>
    </message>
</context>
<context>
    <name>Commenting</name>
    <message>
        <source>Flag “{flag}” on the span (or the document)</source>
        <translation>وضع علامة «{flag}» على المقطع (أو المستند)</translation>
    </message>
    <message>
        <source>Comment on the span (or the document)…</source>
        <translation>التعليق على المقطع (أو المستند)…</translation>
    </message>
    <message>
        <source>Resolve a comment…</source>
        <translation>حلّ تعليق…</translation>
    </message>
    <message>
        <source>Document: {note}</source>
        <translation>المستند: {note}</translation>
    </message>
    <message>
        <source>Open a document first.</source>
        <translation>افتح مستندًا أولًا.</translation>
    </message>
    <message>
        <source>Comment on this span:</source>
        <translation>التعليق على هذا المقطع:</translation>
    </message>
    <message>
        <source>Comment on this document:</source>
        <translation>التعليق على هذا المستند:</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>تعليق</translation>
    </message>
    <message>
        <source>No open comment here to resolve.</source>
        <translation>لا تعليق مفتوحًا هنا لحلّه.</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>حلّ</translation>
    </message>
    <message>
        <source>Resolve which comment?</source>
        <translation>أي تعليق تريد حلّه؟</translation>
    </message>
</context>
<context>
    <name>CorpusFiles</name>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>As named in the files, else {analyst}</source>
        <translation>كما تسمّيه الملفات، وإلا {analyst}</translation>
    </message>
    <message>
        <source>Whose annotations the files hold: the annotators the files name (a brat folder of annotator subfolders, JSONL records), or one name for all of them</source>
        <translation>لمن التوسيمات التي في الملفات: للموسِّمين الذين تسمّيهم الملفات (مجلد brat فيه مجلد فرعي لكل موسِّم، أو سجلات JSONL)، أو اسم واحد لها كلها</translation>
    </message>
    <message>
        <source>Add labels the project does not know</source>
        <translation>إضافة الوسوم التي لا يعرفها المشروع</translation>
    </message>
    <message>
        <source>CoNLL: read an I- tag that continues no span as B-</source>
        <translation>CoNLL: قراءة الوسم I- الذي لا يُكمل مقطعًا على أنه B-</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>الملفات:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>ال&amp;صيغة:</translation>
    </message>
    <message>
        <source>&amp;Annotator:</source>
        <translation>ال&amp;موسِّم:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>ا&amp;ستيراد</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>none, or e.g. train=0.8,dev=0.1,test=0.1</source>
        <translation>بلا تقسيم، أو مثلًا train=0.8,dev=0.1,test=0.1</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>ا&amp;ختيار…</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>ال&amp;مصدر:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>ال&amp;حالة:</translation>
    </message>
    <message>
        <source>Sp&amp;lit by document:</source>
        <translation>تق&amp;سيم حسب المستند:</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>ال&amp;بذرة:</translation>
    </message>
    <message>
        <source>&amp;Write to:</source>
        <translation>ال&amp;كتابة في:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;تصدير</translation>
    </message>
    <message>
        <source>Export into an empty folder</source>
        <translation>التصدير إلى مجلد فارغ</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>التصدير إلى</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>تلقائي</translation>
    </message>
    <message>
        <source>txt</source>
        <translation>نص عادي</translation>
    </message>
    <message>
        <source>all</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <source>gold</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <source>any</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <source>done</source>
        <translation>المنجزة فقط</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Importing {done} of {total}</source>
        <translation>استيراد {done} من {total}</translation>
    </message>
    <message>
        <source>Importing {done} of {total}, {spans_done} of {spans} spans</source>
        <translation>استيراد {done} من {total}، والمقاطع {spans_done} من {spans}</translation>
    </message>
    <message>
        <source>Reading {file}: {count} documents</source>
        <translation>قراءة {file}: عدد المستندات {count}</translation>
    </message>
    <message>
        <source>Exporting {done} of {total}</source>
        <translation>تصدير {done} من {total}</translation>
    </message>
    <message>
        <source>Imported {documents} documents ({present} already there), {spans} spans, {relations} relations</source>
        <translation>استُورد من المستندات {documents} (وكان {present} منها موجودًا من قبل)، ومن المقاطع {spans}، ومن العلاقات {relations}</translation>
    </message>
    <message>
        <source>; {count} spans already there took new attribute values</source>
        <translation>؛ وأخذت مقاطع موجودة من قبل قيمًا جديدة لسماتها: {count}</translation>
    </message>
    <message>
        <source>; labels added: {labels}</source>
        <translation>؛ الوسوم المضافة: {labels}</translation>
    </message>
    <message>
        <source>Exported {records} records to {files}</source>
        <translation>صُدِّر من السجلات {records} إلى {files}</translation>
    </message>
</context>
<context>
    <name>CorpusSearch</name>
    <message>
        <source>Search every document, then Enter</source>
        <translation>ابحث في كل المستندات، ثم اضغط Enter</translation>
    </message>
    <message>
        <source>Search every document</source>
        <translation>البحث في كل المستندات</translation>
    </message>
    <message>
        <source>Word family</source>
        <translation>عائلة الكلمة</translation>
    </message>
    <message>
        <source>Also find the word with or without the article and with the suffixes ة ات ون ين ي ه ها هم هما كم نا (كتاب finds كتابهم)</source>
        <translation>ابحث أيضًا عن الكلمة مع «ال» أو دونها ومع اللواحق ة ات ون ين ي ه ها هم هما كم نا (فالبحث عن «كتاب» يجد «كتابهم»)</translation>
    </message>
    <message>
        <source>Offsets</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>الإملاء</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>السياق</translation>
    </message>
    <message>
        <source>Found so far: {count}…</source>
        <translation>وُجد حتى الآن: {count}…</translation>
    </message>
    <message>
        <source>otherwise</source>
        <comment>spelled otherwise</comment>
        <translation>بإملاء آخر</translation>
    </message>
    <message>
        <source>as typed</source>
        <translation>كما كُتب</translation>
    </message>
    <message>
        <source>1 mention</source>
        <translation>موضع واحد</translation>
    </message>
    <message>
        <source>{count} mentions</source>
        <translation>عدد المواضع: {count}</translation>
    </message>
    <message>
        <source>{found}, {variants} spelled otherwise</source>
        <translation>{found}، منها {variants} بإملاء آخر</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>المحارف</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>{annotator}: {status}</source>
        <translation>{annotator}: {status}</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the annotators&apos; statuses</comment>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>EmptyProject</name>
    <message>
        <source>This project has no documents yet</source>
        <translation>لا مستندات في هذا المشروع بعد</translation>
    </message>
    <message>
        <source>Import the articles to annotate: plain text files (one document each), or JSONL, CoNLL, brat, doccano or Label Studio files.</source>
        <translation>استورد المقالات التي ستوسمها: ملفات نص عادي (مستند في كل ملف)، أو ملفات JSONL أو CoNLL أو brat أو doccano أو Label Studio.</translation>
    </message>
    <message>
        <source>Or drop files or folders anywhere on this window.</source>
        <translation>أو أفلت ملفات أو مجلدات في أي مكان من هذه النافذة.</translation>
    </message>
    <message>
        <source>This project is read-only: documents cannot be imported into it.</source>
        <translation>هذا المشروع للقراءة فقط: لا يمكن استيراد مستندات إليه.</translation>
    </message>
    <message>
        <source>To see first how annotating looks, open the sample project: two annotated articles.</source>
        <translation>لترى أولًا كيف يبدو التوسيم، افتح المشروع النموذجي: مقالتان موسومتان.</translation>
    </message>
    <message>
        <source>Import files… (Ctrl+I)</source>
        <translation>استيراد ملفات… (Ctrl+I)</translation>
    </message>
    <message>
        <source>Import a folder… (Ctrl+Shift+I)</source>
        <translation>استيراد مجلد… (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>Open the sample project</source>
        <translation>فتح المشروع النموذجي</translation>
    </message>
</context>
<context>
    <name>FailureBox</name>
    <message>
        <source>Read-only: this project&apos;s file or its folder cannot be written. You can read, search and export it; to annotate, copy it to a folder you can write to and open the copy.</source>
        <translation>للقراءة فقط: لا يمكن الكتابة في ملف هذا المشروع أو في مجلده. يمكنك قراءته والبحث فيه وتصديره؛ وللتوسيم انسخه إلى مجلد تستطيع الكتابة فيه وافتح النسخة.</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>لم يُحفظ: {error}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>لم يُحفظ</translation>
    </message>
    <message>
        <source>Project failed</source>
        <translation>تعطّل المشروع</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>تعذّر التنفيذ</translation>
    </message>
    <message>
        <source>{kind}: {error}

The details are on the terminal; please report them. Everything saved before this is safe in the project.</source>
        <translation>{kind}: {error}

التفاصيل في الطرفية؛ نرجو الإبلاغ عنها. كل ما حُفظ قبل هذا في أمان في المشروع.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>خطأ غير متوقع</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this document (hamza, harakat and و ب ل … ignored)</source>
        <translation>بحث في هذا المستند (مع تجاهل الهمزات والحركات و ب ل …)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>بحث:</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <source>{current} of {count}</source>
        <translation>{current} من {count}</translation>
    </message>
</context>
<context>
    <name>GuidelinesPanel</name>
    <message>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>{names} (relation)</source>
        <translation>{names} (علاقة)</translation>
    </message>
</context>
<context>
    <name>Identity</name>
    <message>
        <source>Annotator</source>
        <translation>الموسِّم</translation>
    </message>
    <message>
        <source>Your name as an annotator (it marks every span you make):</source>
        <translation>اسمك موسِّمًا (يُنسب إليه كل مقطع تنشئه):</translation>
    </message>
</context>
<context>
    <name>KeysOverlay</name>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>عمله</translation>
    </message>
    <message>
        <source>{does}: {hint}</source>
        <translation>{does}: {hint}</translation>
    </message>
</context>
<context>
    <name>KnownNamesRun</name>
    <message>
        <source>Suggest from known names</source>
        <translation>اقتراح من الأسماء المعروفة</translation>
    </message>
    <message>
        <source>Searching every document for known names…</source>
        <translation>جارٍ البحث عن الأسماء المعروفة في كل الوثائق…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>The search for known names failed.</source>
        <translation>تعذّر البحث عن الأسماء المعروفة.</translation>
    </message>
    <message>
        <source>Cancelled: no suggestions were written.</source>
        <translation>أُلغي: لم تُكتب اقتراحات.</translation>
    </message>
</context>
<context>
    <name>LabelEditing</name>
    <message>
        <source>&amp;Rename…</source>
        <translation>إعادة &amp;تسمية…</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>&amp;لون…</translation>
    </message>
    <message>
        <source>Add attribute &amp;values…</source>
        <translation>إضافة &amp;قيم للسمة…</translation>
    </message>
    <message>
        <source>&amp;Offer again</source>
        <translation>إعادة &amp;عرضه</translation>
    </message>
    <message>
        <source>R&amp;etire</source>
        <translation>إ&amp;يقاف</translation>
    </message>
    <message>
        <source>New name for {label}:</source>
        <translation>اسم جديد لوسم {label} في البيانات، بحروف لاتينية (اسمه الآن {name}):</translation>
    </message>
    <message>
        <source>Rename label</source>
        <translation>إعادة تسمية الوسم</translation>
    </message>
    <message>
        <source>{old} → {new}</source>
        <translation>أُعيدت تسمية {old} إلى {new}</translation>
    </message>
    <message>
        <source>Colour of {label}</source>
        <translation>لون {label}</translation>
    </message>
    <message>
        <source>Attribute of {label} and the values to add, e.g.  kind: mixed, partial</source>
        <translation>سمة {label} باسمها في المخطط والقيم المراد إضافتها، مثلًا  kind: مختلط، جزئي</translation>
    </message>
    <message>
        <source>Add attribute values</source>
        <translation>إضافة قيم للسمة</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the values of an attribute</comment>
        <translation>، </translation>
    </message>
    <message>
        <source>retired {label}: its spans keep it</source>
        <translation>أُوقف {label}: تحتفظ به مقاطعه</translation>
    </message>
    <message>
        <source>{label} is offered again</source>
        <translation>عاد {label} متاحًا للتوسيم</translation>
    </message>
</context>
<context>
    <name>LabelPalette</name>
    <message>
        <source>  (retired)</source>
        <translation>  (موقوف)</translation>
    </message>
    <message>
        <source>Retired: its spans keep it; no new span takes it.</source>
        <translation>موقوف: تحتفظ به مقاطعه، ولا يأخذه أي مقطع جديد.</translation>
    </message>
</context>
<context>
    <name>LabelWords</name>
    <message>
        <source>unsure</source>
        <translation>غير متأكد</translation>
    </message>
    <message>
        <source>needs discussion</source>
        <translation>يحتاج إلى نقاش</translation>
    </message>
    <message>
        <source>Add {label} ‘{text}’</source>
        <translation>إضافة {label} «{text}»</translation>
    </message>
    <message>
        <source>Add {count} {label} span</source>
        <translation>إضافة مقطع واحد بوسم {label}</translation>
    </message>
    <message>
        <source>Add {count} {label} spans</source>
        <translation>إضافة مقاطع بوسم {label}، عددها {count}</translation>
    </message>
    <message>
        <source>Delete {label} ‘{text}’</source>
        <translation>حذف {label} «{text}»</translation>
    </message>
    <message>
        <source>Relabel {label} → {new} ‘{text}’</source>
        <translation>تغيير وسم «{text}» من {label} إلى {new}</translation>
    </message>
    <message>
        <source>Edit attributes of {label} ‘{text}’</source>
        <translation>تحرير سمات {label} «{text}»</translation>
    </message>
    <message>
        <source>Grow {label} at its start ‘{text}’</source>
        <translation>مدّ {label} «{text}» من بدايته</translation>
    </message>
    <message>
        <source>Shrink {label} at its start ‘{text}’</source>
        <translation>تقليص {label} «{text}» من بدايته</translation>
    </message>
    <message>
        <source>Grow {label} at its end ‘{text}’</source>
        <translation>مدّ {label} «{text}» من نهايته</translation>
    </message>
    <message>
        <source>Shrink {label} at its end ‘{text}’</source>
        <translation>تقليص {label} «{text}» من نهايته</translation>
    </message>
    <message>
        <source>Move {label} edges ‘{text}’</source>
        <translation>تحريك حدود {label} «{text}»</translation>
    </message>
    <message>
        <source>Put ‘{letters}’ back on {label} ‘{text}’</source>
        <translation>إعادة «{letters}» إلى {label} «{text}»</translation>
    </message>
    <message>
        <source>Take ‘{letters}’ off {label} ‘{text}’</source>
        <translation>فصل «{letters}» عن {label} «{text}»</translation>
    </message>
    <message>
        <source>Remove ‘{letters}’ from {label} ‘{text}’</source>
        <translation>حذف «{letters}» من {label} «{text}»</translation>
    </message>
    <message>
        <source>Accept {label} ‘{text}’</source>
        <translation>قبول {label} «{text}»</translation>
    </message>
    <message>
        <source>Accept {count} suggestion</source>
        <translation>قبول اقتراح واحد</translation>
    </message>
    <message>
        <source>Accept {count} suggestions</source>
        <translation>قبول اقتراحات، عددها {count}</translation>
    </message>
    <message>
        <source>Reject {label} ‘{text}’</source>
        <translation>رفض {label} «{text}»</translation>
    </message>
    <message>
        <source>Link {relation}</source>
        <translation>ربط {relation}</translation>
    </message>
    <message>
        <source>Unlink {relation}</source>
        <translation>فك ربط {relation}</translation>
    </message>
    <message>
        <source>Comment on the span ‘{text}’</source>
        <translation>تعليق على المقطع «{text}»</translation>
    </message>
    <message>
        <source>Comment on the document ‘{text}’</source>
        <translation>تعليق على المستند «{text}»</translation>
    </message>
    <message>
        <source>Resolve comment ‘{text}’</source>
        <translation>حلّ التعليق «{text}»</translation>
    </message>
    <message>
        <source>Reopen comment ‘{text}’</source>
        <translation>إعادة فتح التعليق «{text}»</translation>
    </message>
    <message>
        <source>Flag &apos;{flag}&apos; on the span</source>
        <translation>وضع علامة «{flag}» على المقطع</translation>
    </message>
    <message>
        <source>Flag &apos;{flag}&apos; on the document</source>
        <translation>وضع علامة «{flag}» على المستند</translation>
    </message>
    <message>
        <source>Clear &apos;{flag}&apos; on the span</source>
        <translation>إزالة علامة «{flag}» عن المقطع</translation>
    </message>
    <message>
        <source>Clear &apos;{flag}&apos; on the document</source>
        <translation>إزالة علامة «{flag}» عن المستند</translation>
    </message>
</context>
<context>
    <name>LayerSelector</name>
    <message>
        <source>Show</source>
        <translation>إظهار</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>إظهار:</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>إ&amp;ظهار</translation>
    </message>
    <message>
        <source>&amp;Mine ({me})</source>
        <translation>&amp;وسومي ({me})</translation>
    </message>
    <message>
        <source>&amp;Everyone</source>
        <translation>ال&amp;جميع</translation>
    </message>
    <message>
        <source>&amp;Gold</source>
        <translation>ال&amp;مرجع</translation>
    </message>
    <message>
        <source>Each span is underlined in its annotator&apos;s colour, in that annotator&apos;s row at the foot of the line. Hover a span to see whose it is.</source>
        <translation>يُسطَّر تحت كل مقطع بلون الموسِّم الذي وسمه، في صف ذلك الموسِّم أسفل السطر. مرِّر المؤشر فوق مقطع لترى صاحبه.</translation>
    </message>
    <message>
        <source>{name} (you)</source>
        <translation>{name} (أنت)</translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <source>Mine ({me})</source>
        <translation>وسومي ({me})</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <source>Showing your spans</source>
        <translation>تُعرض مقاطعك</translation>
    </message>
    <message>
        <source>Showing everyone&apos;s spans (you change only yours)</source>
        <translation>تُعرض مقاطع الجميع (لا تغيِّر إلا مقاطعك)</translation>
    </message>
    <message>
        <source>Showing gold spans</source>
        <translation>تُعرض مقاطع المرجع</translation>
    </message>
    <message>
        <source>Showing {name}&apos;s spans</source>
        <translation>تُعرض مقاطع {name}</translation>
    </message>
    <message>
        <source>{shown} (read-only)</source>
        <translation>{shown} (للقراءة فقط)</translation>
    </message>
    <message>
        <source>gold</source>
        <translation>المرجع</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>التوسيمات</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <source>Guidelines</source>
        <translation>دليل التوسيم</translation>
    </message>
    <message>
        <source>Fi&amp;nd</source>
        <translation>&amp;بحث</translation>
    </message>
    <message>
        <source>&amp;Find in document</source>
        <translation>&amp;بحث في المستند</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>البحث عن ال&amp;تالي</translation>
    </message>
    <message>
        <source>Find &amp;previous</source>
        <translation>البحث عن ال&amp;سابق</translation>
    </message>
    <message>
        <source>&amp;Search all documents</source>
        <translation>بحث في &amp;كل المستندات</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>ا&amp;نتقال</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>ال&amp;مستندات</translation>
    </message>
    <message>
        <source>&amp;Reader</source>
        <translation>&amp;نص المستند</translation>
    </message>
    <message>
        <source>&amp;Annotations</source>
        <translation>ال&amp;توسيمات</translation>
    </message>
    <message>
        <source>Status &amp;filter</source>
        <translation>تصفية ال&amp;حالة</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>م&amp;راجعة</translation>
    </message>
    <message>
        <source>Review &amp;disagreements…</source>
        <translation>مراجعة ال&amp;خلافات…</translation>
    </message>
    <message>
        <source>&amp;Agreement…</source>
        <translation>&amp;الاتفاق بين الموسِّمين…</translation>
    </message>
    <message>
        <source>&amp;Progress and assignments…</source>
        <translation>ال&amp;تقدم والإسناد…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;مفاتيح الاختصار</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <source>Open recen&amp;t</source>
        <translation>المشاريع ال&amp;حديثة</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;تحديث</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>ا&amp;ستيراد ملفات…</translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation>استيراد &amp;مجلد…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>ت&amp;صدير…</translation>
    </message>
    <message>
        <source>&amp;Merge projects…</source>
        <translation>&amp;دمج مشاريع…</translation>
    </message>
    <message>
        <source>&amp;Switch annotator…</source>
        <translation>ت&amp;بديل الموسِّم…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;نسخ احتياطي الآن</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>ت&amp;حرير</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>&amp;توسيم</translation>
    </message>
    <message>
        <source>Mark &amp;done and go on</source>
        <translation>تعيين المستند &amp;منجزًا والانتقال إلى التالي</translation>
    </message>
    <message>
        <source>Mark in &amp;progress</source>
        <translation>تعيين المستند &amp;قيد العمل</translation>
    </message>
    <message>
        <source>Change &amp;label…</source>
        <translation>تغيير ال&amp;وسم…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>الحجم ال&amp;فعلي</translation>
    </message>
    <message>
        <source>&amp;Snap selections to words</source>
        <translation>توسيع التحديد إلى &amp;كلمات كاملة</translation>
    </message>
    <message>
        <source>&amp;Guidelines</source>
        <translation>&amp;دليل التوسيم</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>الل&amp;غة</translation>
    </message>
    <message>
        <source>Annotator: {name}</source>
        <translation>الموسِّم: {name}</translation>
    </message>
    <message>
        <source>Annotator: {name}, your queue is done</source>
        <translation>الموسِّم: {name}، أنجزت قائمة مهامك</translation>
    </message>
    <message>
        <source>Annotator: {name}, 1 document left in your queue</source>
        <translation>الموسِّم: {name}، بقي مستند واحد في قائمة مهامك</translation>
    </message>
    <message>
        <source>Annotator: {name}, {count} documents left in your queue</source>
        <translation>الموسِّم: {name}، المستندات الباقية في قائمة مهامك: {count}</translation>
    </message>
    <message>
        <source>{layer}: show Mine or Everyone to annotate.</source>
        <translation>{layer}: اعرض «وسومي» أو «الجميع» لتوسم.</translation>
    </message>
    <message>
        <source>Document {number} of {count}</source>
        <translation>المستند {number} من {count}</translation>
    </message>
    <message>
        <source>Saved, but the document stays “new”: {error}</source>
        <translation>حُفظ التغيير، لكن المستند يبقى «جديدًا»: {error}</translation>
    </message>
    <message>
        <source>Marked done: that was the last document</source>
        <translation>صار المستند منجزًا: كان هذا آخر مستند</translation>
    </message>
    <message>
        <source>Marked done</source>
        <translation>صار المستند منجزًا</translation>
    </message>
    <message>
        <source>Marked in progress</source>
        <translation>صار المستند قيد العمل</translation>
    </message>
    <message>
        <source>Read-only: no backup made, as nothing can change</source>
        <translation>للقراءة فقط: لم تُنشأ نسخة احتياطية، إذ لا يمكن أن يتغير شيء</translation>
    </message>
    <message>
        <source>Network filesystem</source>
        <translation>نظام ملفات شبكي</translation>
    </message>
    <message>
        <source>The project is damaged: no backup was made</source>
        <translation>المشروع تالف: لم تُنشأ نسخة احتياطية</translation>
    </message>
    <message>
        <source>Backup failed: {error}</source>
        <translation>تعذّر النسخ الاحتياطي: {error}</translation>
    </message>
    <message>
        <source>Backed up to {file}</source>
        <translation>حُفظت نسخة احتياطية في {file}</translation>
    </message>
    <message>
        <source>Damaged project</source>
        <translation>مشروع تالف</translation>
    </message>
    <message>
        <source>Annotating as {name}</source>
        <translation>توسم الآن باسم {name}</translation>
    </message>
    <message>
        <source>{project} (read-only) — Arabic annotation workbench</source>
        <translation>{project} (للقراءة فقط) — منضدة توسيم النصوص العربية</translation>
    </message>
    <message>
        <source>{project} — Arabic annotation workbench</source>
        <translation>{project} — منضدة توسيم النصوص العربية</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <source>My queue: assigned to me, not done</source>
        <translation>قائمة مهامي: المسندة إليّ غير المنجزة</translation>
    </message>
</context>
<context>
    <name>Merging</name>
    <message>
        <source>Merge projects</source>
        <translation>دمج مشاريع</translation>
    </message>
    <message>
        <source>Checking {count} project files</source>
        <translation>فحص ملفات المشاريع: {count}</translation>
    </message>
    <message>
        <source>Merging {done} of {total}</source>
        <translation>دمج {done} من {total}</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <source>Merged {files} files: {documents} documents added ({present} already there), {spans} spans added, {updated} updated, {relations} relations added</source>
        <translation>دُمج من الملفات {files}: أُضيف من المستندات {documents} (وكان {present} منها موجودًا من قبل)، ومن المقاطع {spans} وحُدِّث منها {updated}، ومن العلاقات {relations}</translation>
    </message>
    <message>
        <source>; labels added: {labels}</source>
        <translation>؛ الوسوم المضافة: {labels}</translation>
    </message>
    <message>
        <source>; {count} assignments updated</source>
        <translation>؛ وحُدِّث من الإسنادات {count}</translation>
    </message>
    <message>
        <source>; {count} conflicts</source>
        <translation>؛ والتعارضات: {count}</translation>
    </message>
</context>
<context>
    <name>ProgressModels</name>
    <message>
        <source>Analyst</source>
        <translation>المحلل</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>المُسنَدة</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>لم يبدأ</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>مُراجَع</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>مُسنَد إلى</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>المحسوم</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>غير المحسوم</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>{decided} of {items}</source>
        <translation>{decided} من {items}</translation>
    </message>
    <message>
        <source>none: reviewed</source>
        <translation>لا شيء: مُراجَع</translation>
    </message>
    <message>
        <source>{disagreements} disagreements, {agreed} agreed</source>
        <translation>خلافات: {disagreements}، متفق عليها: {agreed}</translation>
    </message>
    <message>
        <source>1 span</source>
        <translation>مقطع واحد</translation>
    </message>
    <message>
        <source>{count} spans</source>
        <translation>المقاطع: {count}</translation>
    </message>
    <message>
        <source>&lt; 1 min</source>
        <translation>أقل من دقيقة</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} د</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} س {minutes} د</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Time spent: the time between an analyst&apos;s recorded edits of a document (spans, links, status), pauses over {minutes} minutes left out. Reviewed: a reviewer decided every item of the document.</source>
        <translation>الوقت المستغرق: الوقت بين تعديلات المحلل المسجَّلة على المستند (المقاطع والروابط والحالة)، دون فترات التوقف التي تزيد على {minutes} من الدقائق. مُراجَع: بتّ المراجع في كل عناصر المستند.</translation>
    </message>
    <message>
        <source>Progress — {project}</source>
        <translation>التقدم — {project}</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>ال&amp;مستندات</translation>
    </message>
    <message>
        <source>A&amp;nalysts</source>
        <translation>الم&amp;حللون</translation>
    </message>
    <message>
        <source>&amp;Assign selected</source>
        <translation>إ&amp;سناد المحدَّد</translation>
    </message>
    <message>
        <source>&amp;Unassign selected</source>
        <translation>إل&amp;غاء إسناد المحدَّد</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;تحديث</translation>
    </message>
    <message>
        <source>Analyst:</source>
        <translation>المحلل:</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>جارٍ العدّ…</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>التقدم</translation>
    </message>
    <message>
        <source>Select the documents first (Shift or Ctrl with a click)</source>
        <translation>حدِّد المستندات أولًا (بالنقر مع Shift أو Ctrl)</translation>
    </message>
    <message>
        <source>{name} is not an annotator of this project yet. Add {name} as an analyst and assign the documents?</source>
        <translation>{name} ليس من موسِّمي هذا المشروع بعد. هل تضيف {name} محللًا وتُسند إليه المستندات؟</translation>
    </message>
    <message>
        <source>New analyst</source>
        <translation>محلل جديد</translation>
    </message>
    <message>
        <source>Assigned 1 document to {name}</source>
        <translation>أُسند مستند واحد إلى {name}</translation>
    </message>
    <message>
        <source>Assigned {count} documents to {name}</source>
        <translation>المستندات المُسنَدة إلى {name}: {count}</translation>
    </message>
    <message>
        <source>Took 1 document back from {name}</source>
        <translation>سُحب مستند واحد من {name}</translation>
    </message>
    <message>
        <source>Took {count} documents back from {name}</source>
        <translation>المستندات المسحوبة من {name}: {count}</translation>
    </message>
    <message>
        <source>{count} already assigned to {name}</source>
        <translation>المُسنَدة إلى {name} من قبل: {count}</translation>
    </message>
    <message>
        <source>{count} not assigned to {name}</source>
        <translation>غير المُسنَدة إلى {name} أصلًا: {count}</translation>
    </message>
    <message>
        <source>{said}; {rest}</source>
        <translation>{said}؛ {rest}</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>رُفض الاستيراد</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was changed</source>
        <translation>أُلغي الاستيراد: لم يتغير شيء</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Export refused</source>
        <translation>رُفض التصدير</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was changed</source>
        <translation>أُلغي التصدير: لم يتغير شيء</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <source>Merge refused</source>
        <translation>رُفض الدمج</translation>
    </message>
    <message>
        <source>Merge cancelled: nothing was changed</source>
        <translation>أُلغي الدمج: لم يتغير شيء</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>استيراد ملفات</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>استيراد مجلد</translation>
    </message>
</context>
<context>
    <name>ProjectSwitch</name>
    <message>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <source>Open the sample project</source>
        <translation>فتح المشروع النموذجي</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>لا مشاريع حديثة</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>م&amp;سح القائمة</translation>
    </message>
    <message>
        <source>{project} is already open</source>
        <translation>المشروع {project} مفتوح أصلًا</translation>
    </message>
    <message>
        <source>Annotation projects ({pattern})</source>
        <translation>مشاريع التوسيم ({pattern})</translation>
    </message>
    <message>
        <source>All files ({pattern})</source>
        <translation>كل الملفات ({pattern})</translation>
    </message>
</context>
<context>
    <name>PropagationDialog</name>
    <message>
        <source>Annotate every mention as {label}</source>
        <translation>توسيم كل الورود بوسم «{label}»</translation>
    </message>
    <message>
        <source>Word family (with or without ال, with suffixes)</source>
        <translation>عائلة الكلمة (مع «ال» أو دونها، ومع اللواحق)</translation>
    </message>
    <message>
        <source>Space ticks or unticks a mention; Enter adds the ticked ones. Mentions spelled otherwise than the span start unticked.</source>
        <translation>مفتاح المسافة يحدِّد الموضع أو يلغي تحديده، وEnter يضيف المواضع المحدَّدة. المواضع المكتوبة بإملاء يخالف المقطع تبدأ غير محدَّدة.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between label names</comment>
        <translation>، </translation>
    </message>
    <message>
        <source>already {label}</source>
        <translation>موسوم سلفًا: {label}</translation>
    </message>
    <message>
        <source>overlaps {labels}</source>
        <translation>يتداخل مع: {labels}</translation>
    </message>
    <message>
        <source>spelled otherwise</source>
        <translation>بإملاء آخر</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>annotator: {name}</source>
        <translation>الموسِّم: {name}</translation>
    </message>
</context>
<context>
    <name>ReviewLanes</name>
    <message>
        <source>agreed</source>
        <translation>متفق عليه</translation>
    </message>
    <message>
        <source>speaker differs</source>
        <translation>المتحدث مختلف</translation>
    </message>
    <message>
        <source>cue differs</source>
        <translation>فعل القول مختلف</translation>
    </message>
    <message>
        <source>other label</source>
        <translation>وسم مختلف</translation>
    </message>
    <message>
        <source>other boundaries</source>
        <translation>حدود مختلفة</translation>
    </message>
    <message>
        <source>only some</source>
        <translation>عند بعضهم فقط</translation>
    </message>
    <message>
        <source>other links</source>
        <translation>روابط مختلفة</translation>
    </message>
    <message>
        <source>gold</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <source>model&apos;s suggestion</source>
        <translation>اقتراح النموذج</translation>
    </message>
    <message>
        <source>‾ speaker, cue</source>
        <translation>‾ المتحدث، فعل القول</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>المرجع</translation>
    </message>
</context>
<context>
    <name>ReviewLinks</name>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>({relation} of {annotators})</source>
        <translation>({relation} بحسب {annotators})</translation>
    </message>
</context>
<context>
    <name>ReviewModels</name>
    <message>
        <source>accepted</source>
        <translation>مقبول</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>معدَّل</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>الخلافات</translation>
    </message>
    <message>
        <source>Left to decide</source>
        <translation>بانتظار القرار</translation>
    </message>
    <message>
        <source>To accept</source>
        <translation>للقبول</translation>
    </message>
    <message>
        <source>Second look: places where a trained model disagrees with the analysts (possible misses and errors)</source>
        <translation>نظرة ثانية: مواضع يخالف فيها نموذج مدرَّب المحللين (السهو والأخطاء المحتملة)</translation>
    </message>
    <message>
        <source>Possible misses: {misses}; possible errors: {errors}</source>
        <translation>السهو المحتمل: {misses}؛ الأخطاء المحتملة: {errors}</translation>
    </message>
    <message>
        <source>no {relation}</source>
        <translation>{relation}: غير محدد</translation>
    </message>
    <message>
        <source>{label} ({links})</source>
        <translation>{label} ({links})</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>القرار</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>ReviewSecondLook</name>
    <message>
        <source>possible miss</source>
        <translation>سهو محتمل</translation>
    </message>
    <message>
        <source>possible error: other label</source>
        <translation>خطأ محتمل: وسم آخر</translation>
    </message>
    <message>
        <source>possible error: other bounds</source>
        <translation>خطأ محتمل: حدود أخرى</translation>
    </message>
    <message>
        <source>rejected by {annotators}</source>
        <translation>رفضه {annotators}</translation>
    </message>
    <message>
        <source>accepted by {annotators}</source>
        <translation>قبله {annotators}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>Second look: {count}</source>
        <translation>نظرة ثانية: {count}</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>المحلل</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>درجة الثقة</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>الاقتراح</translation>
    </message>
    <message>
        <source>{label}: {words}</source>
        <translation>{label}: {words}</translation>
    </message>
</context>
<context>
    <name>ReviewSteps</name>
    <message>
        <source>, {relation} {words}</source>
        <translation>، {relation} {words}</translation>
    </message>
    <message>
        <source>Accept {annotator}&apos;s version{links}</source>
        <translation>قبول نسخة {annotator}{links}</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Accept {count} unanimous span(s)</source>
        <translation>قبول المقاطع المتفق عليها: {count}</translation>
    </message>
    <message>
        <source>Gold {relation} {words}</source>
        <translation>{relation} في المرجع: {words}</translation>
    </message>
    <message>
        <source>Remove the gold {relation} {words}</source>
        <translation>إزالة {relation} من المرجع: {words}</translation>
    </message>
    <message>
        <source>Move the gold {label}</source>
        <translation>تحريك حدود {label} في المرجع</translation>
    </message>
    <message>
        <source>Gold {label}</source>
        <translation>وسم المرجع: {label}</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Review — {project}</source>
        <translation>المراجعة — {project}</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>العناصر</translation>
    </message>
    <message>
        <source>F1: keys</source>
        <translation>F1: المفاتيح</translation>
    </message>
    <message>
        <source>Reviewer: {reviewer}    {legend}</source>
        <translation>المراجع: {reviewer}    {legend}</translation>
    </message>
    <message>
        <source>The keys of the review window</source>
        <translation>مفاتيح نافذة المراجعة</translation>
    </message>
    <message>
        <source>Next undecided disagreement</source>
        <translation>الخلاف التالي بلا قرار</translation>
    </message>
    <message>
        <source>Previous undecided disagreement</source>
        <translation>الخلاف السابق بلا قرار</translation>
    </message>
    <message>
        <source>Next place for a second look (a model disagrees)</source>
        <translation>الموضع التالي لنظرة ثانية (يخالف فيه النموذج)</translation>
    </message>
    <message>
        <source>Previous place for a second look</source>
        <translation>الموضع السابق لنظرة ثانية</translation>
    </message>
    <message>
        <source>Accept every undecided span all agree on</source>
        <translation>قبول كل مقطع بلا قرار يتفق عليه الجميع</translation>
    </message>
    <message>
        <source>Reject: gold keeps nothing here</source>
        <translation>رفض: لا يبقى شيء هنا في المرجع</translation>
    </message>
    <message>
        <source>Remove one of the gold span&apos;s links…</source>
        <translation>إزالة أحد روابط مقطع المرجع…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Accept {annotator}&apos;s version (a quote with its speaker and cue)</source>
        <translation>قبول نسخة {annotator} (الاقتباس مع متحدثه وفعل القول)</translation>
    </message>
    <message>
        <source>Gold span: {label}</source>
        <translation>وسم مقطع المرجع: {label}</translation>
    </message>
    <message>
        <source>Counting disagreements…</source>
        <translation>عدّ الخلافات…</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>A possible miss: no analyst marked it, no item holds it</source>
        <translation>سهو محتمل: لم يسِمه أي محلل، فلا عنصر يضمه</translation>
    </message>
    <message>
        <source>Resolved {decided} / {items} in this document; 1 disagreement left</source>
        <translation>حُسم {decided} من {items} في هذا المستند؛ بقي خلاف واحد</translation>
    </message>
    <message>
        <source>Resolved {decided} / {items} in this document; {left} disagreements left</source>
        <translation>حُسم {decided} من {items} في هذا المستند؛ الخلافات الباقية: {left}</translation>
    </message>
    <message>
        <source>No disagreement left to decide in this document</source>
        <translation>لم يبقَ في هذا المستند خلاف بلا قرار</translation>
    </message>
    <message>
        <source>No place for a second look in this document</source>
        <translation>لا موضع لنظرة ثانية في هذا المستند</translation>
    </message>
    <message>
        <source>No span in this document can be the {relation}</source>
        <translation>لا يصلح أي مقطع في هذا المستند أن يكون {relation}</translation>
    </message>
    <message>
        <source>The gold span here links to nothing</source>
        <translation>مقطع المرجع هنا غير مربوط بشيء</translation>
    </message>
    <message>
        <source>Accept a version first: there is no gold span here to edit</source>
        <translation>اقبل نسخةً أولًا: لا مقطع في المرجع هنا لتعديله</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>لا شيء للتراجع عنه</translation>
    </message>
    <message>
        <source>Undid: {step}</source>
        <translation>تم التراجع عن: {step}</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>لا شيء لإعادته</translation>
    </message>
    <message>
        <source>Redid: {step}</source>
        <translation>تمت إعادة: {step}</translation>
    </message>
    <message>
        <source>Saved: {step}</source>
        <translation>حُفظ: {step}</translation>
    </message>
    <message>
        <source>Gold span: grow at the start by a character</source>
        <translation>مقطع المرجع: توسيع البداية بمحرف</translation>
    </message>
    <message>
        <source>Gold span: shrink at the start by a character</source>
        <translation>مقطع المرجع: تضييق البداية بمحرف</translation>
    </message>
    <message>
        <source>Gold span: grow at the end by a character</source>
        <translation>مقطع المرجع: توسيع النهاية بمحرف</translation>
    </message>
    <message>
        <source>Gold span: shrink at the end by a character</source>
        <translation>مقطع المرجع: تضييق النهاية بمحرف</translation>
    </message>
    <message>
        <source>Gold span: grow at the start by a word</source>
        <translation>مقطع المرجع: توسيع البداية بكلمة</translation>
    </message>
    <message>
        <source>Gold span: shrink at the start by a word</source>
        <translation>مقطع المرجع: تضييق البداية بكلمة</translation>
    </message>
    <message>
        <source>Gold span: grow at the end by a word</source>
        <translation>مقطع المرجع: توسيع النهاية بكلمة</translation>
    </message>
    <message>
        <source>Gold span: shrink at the end by a word</source>
        <translation>مقطع المرجع: تضييق النهاية بكلمة</translation>
    </message>
    <message>
        <source> or </source>
        <translation> أو </translation>
    </message>
    <message>
        <source>Gold {relation}: pick the span the gold {heads} links to…</source>
        <translation>{relation} في المرجع: اختيار المقطع الذي يرتبط به {heads} في المرجع…</translation>
    </message>
    <message>
        <source>span</source>
        <translation>المقطع</translation>
    </message>
</context>
<context>
    <name>SuggestionKeys</name>
    <message>
        <source>Accept the suggestion at the cursor (or the next)</source>
        <translation>قبول الاقتراح عند المؤشر (أو التالي)</translation>
    </message>
    <message>
        <source>Reject the suggestion at the cursor (or the next)</source>
        <translation>رفض الاقتراح عند المؤشر (أو التالي)</translation>
    </message>
    <message>
        <source>Accept every suggestion in the paragraph</source>
        <translation>قبول كل الاقتراحات في الفقرة</translation>
    </message>
    <message>
        <source>Next suggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <source>Previous suggestion</source>
        <translation>الاقتراح السابق</translation>
    </message>
    <message>
        <source>No open suggestion in this paragraph.</source>
        <translation>لا اقتراح مفتوح في هذه الفقرة.</translation>
    </message>
    <message>
        <source>No more suggestions that way.</source>
        <translation>لا مزيد من الاقتراحات في هذا الاتجاه.</translation>
    </message>
    <message>
        <source>No open suggestion in this document.</source>
        <translation>لا اقتراح مفتوح في هذا المستند.</translation>
    </message>
    <message>
        <source>Suggestion {number} of {count}: {label} ‘{text}’</source>
        <translation>الاقتراح {number} من {count}: {label} «{text}»</translation>
    </message>
    <message>
        <source>No open suggestion at or after the cursor.</source>
        <translation>لا اقتراح مفتوح عند المؤشر أو بعده.</translation>
    </message>
</context>
<context>
    <name>SuggestionMarks</name>
    <message>
        <source>the project&apos;s known names</source>
        <translation>الأسماء المعروفة في المشروع</translation>
    </message>
    <message>
        <source>the model {name}</source>
        <translation>النموذج {name}</translation>
    </message>
    <message>
        <source>the file {name}</source>
        <translation>الملف {name}</translation>
    </message>
    <message>
        <source>Suggested by {source}</source>
        <translation>اقتراح من {source}</translation>
    </message>
    <message>
        <source>score: {score}</source>
        <translation>الدرجة: {score}</translation>
    </message>
    <message>
        <source>{accept}: accept · {reject}: reject · {all}: accept all in the paragraph · {next}, then a label&apos;s key: accept as that label</source>
        <translation>{accept}: قبول · {reject}: رفض · {all}: قبول الكل في الفقرة · {next} ثم مفتاح وسم: قبوله بذلك الوسم</translation>
    </message>
</context>
<context>
    <name>SuggestionStats</name>
    <message>
        <source>Open</source>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>مقبولة</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>مصحَّحة</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>مرفوضة</translation>
    </message>
    <message>
        <source>Suggestion statistics</source>
        <translation>إحصاءات الاقتراحات</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Open: decided by no analyst, or, for one analyst, not decided by them.</source>
        <translation>المفتوحة: ما لم يقرر فيه أي محلل، أو ما لم يقرر فيه المحلل المختار.</translation>
    </message>
    <message>
        <source>Each analyst&apos;s decision counts.</source>
        <translation>يُحسب قرار كل محلل.</translation>
    </message>
    <message>
        <source>Corrected: accepted under another label, or its span relabelled, resized or deleted since.</source>
        <translation>المصحَّحة: ما قُبل بوسم آخر، أو غُيِّر بعد قبوله وسمُ مقطعه أو حدوده، أو حُذف.</translation>
    </message>
    <message>
        <source>Everyone&apos;s decisions</source>
        <translation>قرارات الجميع</translation>
    </message>
    <message>
        <source>Decisions of {name}</source>
        <translation>قرارات {name}</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>كل الوسوم</translation>
    </message>
</context>
<context>
    <name>SuggestionsMenu</name>
    <message>
        <source>S&amp;uggestions</source>
        <translation>ا&amp;قتراحات</translation>
    </message>
    <message>
        <source>Suggest from &amp;known names</source>
        <translation>اقتراح من الأسماء الم&amp;عروفة</translation>
    </message>
    <message>
        <source>Suggest from known names in &amp;all documents</source>
        <translation>اقتراح من الأسماء المعروفة في &amp;كل المستندات</translation>
    </message>
    <message>
        <source>Suggest from the trained &amp;model</source>
        <translation>اقتراح من ال&amp;نموذج المدرَّب</translation>
    </message>
    <message>
        <source>&amp;Train suggestion model…</source>
        <translation>&amp;تدريب نموذج الاقتراحات…</translation>
    </message>
    <message>
        <source>&amp;Clear open suggestions in this document</source>
        <translation>إ&amp;زالة الاقتراحات المفتوحة من هذا المستند</translation>
    </message>
    <message>
        <source>Suggestion &amp;statistics…</source>
        <translation>إ&amp;حصاءات الاقتراحات…</translation>
    </message>
    <message>
        <source>Open a document first.</source>
        <translation>افتح مستندًا أولًا.</translation>
    </message>
    <message>
        <source>the reference&apos;s names</source>
        <translation>أسماء المرجع</translation>
    </message>
    <message>
        <source>everyone&apos;s names</source>
        <translation>أسماء الجميع</translation>
    </message>
    <message>
        <source>Suggestions from {known}: {added} in {documents} documents.</source>
        <translation>الاقتراحات من {known}: {added}، في مستندات عددها {documents}.</translation>
    </message>
    <message>
        <source>Suggestions from {known}: {added} in this document.</source>
        <translation>الاقتراحات من {known} في هذا المستند: {added}.</translation>
    </message>
    <message>
        <source>Open suggestions removed from this document: {count}.</source>
        <translation>الاقتراحات المفتوحة التي أُزيلت من هذا المستند: {count}.</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <source>Training on the project&apos;s spans…</source>
        <translation>التدريب على مقاطع المشروع…</translation>
    </message>
    <message>
        <source>Scoring on the held-out part and saving…</source>
        <translation>التقييم على الجزء المحجوز والحفظ…</translation>
    </message>
    <message>
        <source>Finding suggestions in the open document…</source>
        <translation>البحث عن اقتراحات في المستند المفتوح…</translation>
    </message>
    <message>
        <source>About {time} left</source>
        <translation>المتبقي نحو {time}</translation>
    </message>
    <message>
        <source>Train suggestion model</source>
        <translation>تدريب نموذج الاقتراحات</translation>
    </message>
    <message>
        <source>Everyone&apos;s spans</source>
        <translation>مقاطع الجميع</translation>
    </message>
    <message>
        <source>The reference (gold)</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <source>The spans of {name}</source>
        <translation>مقاطع {name}</translation>
    </message>
    <message>
        <source>Learn from:</source>
        <translation>التعلم من:</translation>
    </message>
    <message>
        <source>Passes over the spans (epochs):</source>
        <translation>مرات المرور على المقاطع (الدورات):</translation>
    </message>
    <message>
        <source>The model is kept in {folder}.</source>
        <translation>يُحفظ النموذج في {folder}.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>الاستدعاء</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>مقياس F1</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;تدريب</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>إ&amp;لغاء</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>إ&amp;غلاق</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>جارٍ البدء…</translation>
    </message>
    <message>
        <source>Suggest from the trained model</source>
        <translation>اقتراح من النموذج المدرَّب</translation>
    </message>
    <message>
        <source>Cancelled: the model is kept; no suggestions were written.</source>
        <translation>أُلغي: بقي النموذج الجديد، ولم تُكتب اقتراحات.</translation>
    </message>
    <message>
        <source>Cancelled: the model is as it was before.</source>
        <translation>أُلغي: بقي النموذج كما كان.</translation>
    </message>
    <message>
        <source>Cancelled: no model was written.</source>
        <translation>أُلغي: لم يُكتب أي نموذج.</translation>
    </message>
    <message>
        <source>Trained on {sentences} sentences; none held out to score it.</source>
        <translation>دُرِّب على جمل عددها {sentences}؛ ولم يُحجز منها شيء لتقييمه.</translation>
    </message>
    <message>
        <source>Trained on {sentences} sentences; on {held_out} held out, F1 {f1}.</source>
        <translation>دُرِّب على جمل عددها {sentences}؛ ومقياس F1 على الجمل المحجوزة ({held_out}): {f1}.</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>كل الوسوم</translation>
    </message>
    <message>
        <source>It did not work: {error}</source>
        <translation>لم ينجح: {error}</translation>
    </message>
    <message>
        <source>Suggestions from the model in the open document: {count}.</source>
        <translation>اقتراحات النموذج في المستند المفتوح: {count}.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>لم يبدأ</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>مُراجَع</translation>
    </message>
</context>
</TS>
