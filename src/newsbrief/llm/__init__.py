"""Generated prose behind a claim-by-claim faithfulness guard."""

from newsbrief.llm.guard import ClaimCheck, Guard, GuardResult, SourceSentence, split_claims

__all__ = ["ClaimCheck", "Guard", "GuardResult", "SourceSentence", "split_claims"]
