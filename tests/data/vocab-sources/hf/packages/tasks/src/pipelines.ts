export const MODALITIES = ["nlp", "cv"] as const;

export const PIPELINE_DATA = {
	"token-classification": {
		name: "Token Classification",
		subtasks: [
			{
				type: "named-entity-recognition",
				name: "Named Entity Recognition",
			},
			{
				type: "part-of-speech",
				name: "Part of Speech Tagging",
			},
		],
		modality: "nlp",
	},
	"object-detection": {
		name: "Object Detection",
		modality: "cv",
	},
} satisfies Record<string, unknown>;
