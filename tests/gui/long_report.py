"""A long Arabic report of our own, many paragraphs of news prose: long enough that where
the analyst reads is far from the top."""

from __future__ import annotations

SENTENCES = (
    "عقد مجلس إدارة الشركة الوطنية للمياه اجتماعه الدوري في مقرها بمدينة صفاقس، وناقش"
    " خطة توسيع شبكة التوزيع في الأحياء الجنوبية.",
    "وقال رئيس المجلس سامي الحداد إن الأشغال ستنطلق في الربيع المقبل وتستمر ثمانية عشر شهرا.",
    "وأوضح أن كلفة المشروع تبلغ نحو أربعين مليون دينار، يمول البنك الإفريقي للتنمية نصفها.",
    "من جهتها، أكدت ليلى بن عمر، مديرة الدراسات في الشركة، أن الشبكة الحالية تفقد قرابة ربع"
    " المياه بسبب التسربات.",
    "وأضافت: «إصلاح القنوات القديمة أولوية قبل أي توسعة جديدة».",
    "وطالب ممثلو البلديات المجاورة بإدراج قراهم في المرحلة الأولى من المشروع.",
    "كما دعا اتحاد الفلاحين إلى تخصيص حصة من المياه المعالجة لري الزياتين خلال أشهر الصيف.",
    "وأشار التقرير السنوي للشركة إلى ارتفاع الاستهلاك المنزلي بنسبة سبعة في المائة مقارنة"
    " بالعام الماضي.",
    "ويتوقع الخبراء أن يزداد الضغط على الموارد مع تراجع الأمطار للسنة الثالثة على التوالي.",
    "واختتم الاجتماع بالمصادقة على ميزانية الصيانة وتشكيل لجنة لمتابعة الأشغال.",
)
TITLE = "تقرير مطول عن شبكة المياه في صفاقس"
PARAGRAPHS = 30
PER_PARAGRAPH = 4


def long_report() -> str:
    """Numbered paragraphs of four sentences each, each paragraph starting one sentence
    further along."""
    count = len(SENTENCES)
    paragraphs = [
        f"{number + 1}. " + " ".join(SENTENCES[(number + k) % count] for k in range(PER_PARAGRAPH))
        for number in range(PARAGRAPHS)
    ]
    return "\n".join(paragraphs)
