"""Cue words of both languages (type head nouns, proposing and using verbs) and the shape of a Latin name."""
from __future__ import annotations

import re

DATASET_HEADS_ZH = "数据集|语料库|语料|基准测试|基准|评测集|测试集|数据库|评估基准|评测基准|基准数据集"
METHOD_HEADS_ZH = ("框架|模型|方法|系统|架构|网络|算法|模块|机制|策略|损失|编码器|解码器|声码器|工具包|流程|范式"
                   "|技术|模型族|管道|流水线|适配器|指标|评估框架|分词器|系列模型|系列")
DATASET_HEADS_EN = r"datasets?|corpus|corpora|benchmarks?|database|test[- ]?set|suite|collection|challenge"
METHOD_HEADS_EN = (r"framework|model|models|method|approach|system|architecture|network|algorithm|module|mechanism"
                   r"|strategy|loss|encoder|decoder|vocoder|toolkit|pipeline|paradigm|technique|tokenizer|adapter"
                   r"|metric|agent|codec|pipeline|recipe")
PROPOSE_ZH = "提出|构建|发布|推出|引入|开源|设计|开发|创建|建立|打造|贡献|介绍|研发|构造|搭建|收集|整理|制作|建构|提供"
STRONG_ZH = "提出|发布|推出|构建|开源|研发|打造|创建|建立|介绍"
# who proposes, in English: "we", "this paper", "the authors", "the study", "here we", "in this work, we"
PROPOSER_EN = (r"we|this (?:paper|work|study|report|article)|the (?:paper|work|study|authors?|article)"
               r"|our (?:paper|work|study)|here,? we|in this (?:paper|work|study),? we")
PROPOSE_EN = (r"propose|introduce|present|release|develop|build|construct|curate|design|create|contribute|collect"
              r"|open-source|publish|unveil|establish|compile|assemble|offer")
USE_ZH = "采用|使用|利用|基于|结合|借助|通过|引入|融合|集成|对比|比较|优于|超越|超过|包括|例如|如"
USE_EN = (r"using|use|uses|used|with|based on|built on|leverag(?:e|es|ing)|adopt(?:s|ing)?|employ(?:s|ing)?"
          r"|fine-?tun(?:e|es|ing)|compared (?:to|with)|outperform(?:s|ing)?|such as|including|via|through|over")

# A Latin name: tokens made of letters/digits with -, ., +, _ inside; further words only when they
# start with a capital or digit ("CosyVoice 3", "Inworld TTS-1").
NAME = (r"(?:[A-Za-z0-9][A-Za-z0-9+\-_.'’]*[A-Za-z0-9+]|[A-Z])"
        r"(?: (?:[A-Z][A-Za-z0-9+\-_.]*[A-Za-z0-9+]|[0-9][A-Za-z0-9+\-_]*[A-Za-z+][A-Za-z0-9+]*|[0-9]{1,2}(?![.,]?[0-9])"
        r"|(?:19|20)[0-9]{2}(?![.,]?[0-9])))*")
# a name starts with a token that has a capital or a digit ("HuMP-CAT", "wav2vec", not "novel")
NAME_U = r"(?=[A-Za-z0-9+\-_.'’]*[A-Z0-9])" + NAME
NAME_RE = re.compile(NAME_U)
SEP = r"(?:\s*(?:和|、|与|及|以及|,|，|/|and|&)\s*)"
